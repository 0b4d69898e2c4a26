package com.chosencrm.lead.assignment;

import java.math.BigDecimal;

/** What assignment rules look at in a lead; values as the lead stores them (codes, enum names). */
public record LeadFacts(
    String source,
    String propertyState,
    String loanPurpose,
    BigDecimal loanAmount,
    String creditBand) {}
