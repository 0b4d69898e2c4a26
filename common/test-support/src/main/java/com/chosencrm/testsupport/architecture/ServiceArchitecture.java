package com.chosencrm.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout rules every service keeps (package by feature, CONVENTIONS.md). A service's
 * ArchitectureTests include them with {@code @ArchTest static final ArchTests platform =
 * ArchTests.in(ServiceArchitecture.class);} and add rules of its own. Types are named, not
 * imported, so this module needs neither JPA nor Spring Data.
 */
public final class ServiceArchitecture {

  private static final String REPOSITORY = "org.springframework.data.repository.Repository";
  private static final String ENTITY = "jakarta.persistence.Entity";
  private static final String REST_CONTROLLER =
      "org.springframework.web.bind.annotation.RestController";

  private ServiceArchitecture() {}

  @ArchTest
  public static final ArchRule repositoriesAreNotPublic =
      classes()
          .that()
          .areAssignableTo(REPOSITORY)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC)
          .because("a feature's tables are reached only through its services")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule entitiesAreNotPublic =
      classes()
          .that()
          .areAnnotatedWith(ENTITY)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC)
          .because("entities never leave their feature, let alone the service")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule controllersAreNotPublic =
      classes()
          .that()
          .areAnnotatedWith(REST_CONTROLLER)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC)
          .because("nothing calls a controller but Spring MVC")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule controllersDoNotUseRepositories =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(REPOSITORY)
          .because("controllers stay thin: parse, authorize, call a service, map")
          .allowEmptyShould(true);
}
