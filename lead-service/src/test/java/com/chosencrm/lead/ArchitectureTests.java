package com.chosencrm.lead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Package by feature, with each feature's persistence and web layer kept to itself. */
@AnalyzeClasses(
    packages = "com.chosencrm.lead",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule repositoriesAreNotPublic =
      classes()
          .that()
          .areAssignableTo(Repository.class)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC)
          .because("a feature's tables are reached only through its services");

  @ArchTest
  static final ArchRule entitiesAreNotPublic =
      classes()
          .that()
          .areAnnotatedWith(Entity.class)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC)
          .because("entities never leave their feature, let alone the service");

  @ArchTest
  static final ArchRule controllersAreNotPublic =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .notHaveModifier(JavaModifier.PUBLIC)
          .because("nothing calls a controller but Spring MVC");

  @ArchTest
  static final ArchRule domainDoesNotTouchWeb =
      noClasses()
          .that()
          .areAnnotatedWith(Entity.class)
          .or()
          .areAssignableTo(Repository.class)
          .or()
          .haveSimpleNameEndingWith("Service")
          .or()
          .haveSimpleNameEndingWith("Queries")
          .or()
          .resideInAnyPackage("..agent..", "..pipeline..", "..assignment..", "..loan..")
          .and()
          .areNotAnnotatedWith(RestController.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
          .because("domain code must not depend on the web layer");

  @ArchTest
  static final ArchRule controllersDoNotUseRepositories =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(Repository.class)
          .because("controllers stay thin: parse, authorize, call a service, map");

  @ArchTest
  static final ArchRule rulesAndReadModelDoNotReachIntoLeads =
      noClasses()
          .that()
          .resideInAnyPackage(
              "..agent..", "..pipeline..", "..assignment..", "..loan..", "..customfield..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.chosencrm.lead.lead..")
          .because(
              "the lead feature depends on them, not the other way round; they ask for what they"
                  + " need from leads through interfaces (StageMoves, OpenLeadCounts)");
}
