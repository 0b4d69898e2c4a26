package com.chosencrm.lead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.chosencrm.testsupport.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Package by feature, with each feature's persistence and web layer kept to itself. */
@AnalyzeClasses(
    packages = "com.chosencrm.lead",
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
