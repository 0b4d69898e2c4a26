package com.chosencrm.user;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.chosencrm.testsupport.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.data.repository.Repository;

/** Package by feature, with each feature's persistence kept to itself. */
@AnalyzeClasses(
    packages = "com.chosencrm.user",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest static final ArchTests platform = ArchTests.in(ServiceArchitecture.class);

  @ArchTest
  static final ArchRule domainDoesNotTouchWeb =
      noClasses()
          .that()
          .areAnnotatedWith(Entity.class)
          .or()
          .areAssignableTo(Repository.class)
          .or()
          .haveSimpleNameEndingWith("Service")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
          .because("domain code must not depend on the web layer");
}
