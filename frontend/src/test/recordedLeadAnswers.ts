// Answers recorded from a running lead-service (the launcher's demo tenant, with the import of
// h-import merged), ids as they came. `satisfies` checks that the types in src/api/leadService.ts
// and src/api/leadImports.ts describe what the service really sends; re-record when it changes.
import type { ImportJob } from '@/api/leadImports';
import type { Agent, BulkResult, HistoryPage, Lead, LeadPage, RuleSet, Stage } from '@/api/leadService';

/** GET /api/leads/{id}: every field, consent and custom fields filled, a do-not-contact reason */
export const lead = {
  "id": "01a1fd6b-6980-7f89-894c-a90f48d93829",
  "firstName": "Rita",
  "lastName": "Recorded",
  "email": "rita@example.com",
  "phone": "(214) 555-0134",
  "phoneE164": "+12145550134",
  "source": "Zillow",
  "statusId": "01a1fd6b-5a79-7bed-8074-a1fc384cf765",
  "status": "Contacted",
  "statusKind": "OPEN",
  "loanPurpose": "REFINANCE",
  "loanAmount": 400000,
  "loanCurrency": "USD",
  "propertyState": "TX",
  "creditBand": "GOOD",
  "notes": "Wants a 30-year fixed",
  "tags": [
    "hot",
    "vip"
  ],
  "customFields": {
    "propertyType": "Single family",
    "referralPartner": "Keller"
  },
  "assigneeId": "01a1fd6a-e651-7946-a15a-4f00a111a9dc",
  "assigneeName": "Tom Becker",
  "assignedAt": "2026-11-21T09:24:01.305419Z",
  "needsReassignment": false,
  "doNotContact": true,
  "doNotContactReason": "Asked to stop calls",
  "doNotContactAt": "2026-11-21T09:24:00.740219Z",
  "doNotContactBy": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
  "consent": {
    "givenAt": "2026-11-20T15:00:00Z",
    "method": "WEB_FORM",
    "text": "I agree to be contacted"
  },
  "mergedIntoId": null,
  "createdAt": "2026-11-21T09:23:57.064474Z",
  "createdBy": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
  "updatedAt": "2026-11-21T09:39:13.962981Z",
  "updatedBy": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
  "deletedAt": null,
  "version": 5
} satisfies Lead;

/** GET /api/leads?limit=1&sort=name: an imported lead, nulls written out, a next cursor */
export const leadPage = {
  "items": [
    {
      "id": "01a1fd6b-e7b6-7c51-90a6-d0bf1acaa072",
      "firstName": "Ivy",
      "lastName": "Importer",
      "email": "ivy@example.com",
      "phone": "214-555-0101",
      "phoneE164": "+12145550101",
      "source": "Zillow",
      "statusId": "01a1fd6b-5a77-79e2-8b27-3afef722c200",
      "status": "New",
      "statusKind": "OPEN",
      "loanPurpose": null,
      "loanAmount": 350000,
      "loanCurrency": "USD",
      "propertyState": "TX",
      "creditBand": null,
      "notes": null,
      "tags": [],
      "customFields": {},
      "assigneeId": null,
      "assigneeName": null,
      "assignedAt": null,
      "needsReassignment": false,
      "doNotContact": false,
      "doNotContactReason": null,
      "doNotContactAt": null,
      "doNotContactBy": null,
      "consent": null,
      "mergedIntoId": null,
      "createdAt": "2026-11-21T09:24:29.742942Z",
      "createdBy": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
      "updatedAt": "2026-11-21T09:24:29.742942Z",
      "updatedBy": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
      "deletedAt": null,
      "version": 0
    }
  ],
  "nextCursor": "bmFtZTphc2MfaW1wb3J0ZXIgaXZ5HzAxYTFmZDZiLWU3YjYtN2M1MS05MGE2LWQwYmYxYWNhYTA3Mg"
} satisfies LeadPage;

/** GET /api/leads/{id}/history?limit=4 */
export const history = {
  "items": [
    {
      "id": "01a1fd6b-87a9-7dcb-b24f-2d65bbe68b82",
      "action": "UPDATED",
      "field": "customFields",
      "oldValue": {
        "propertyType": "Condo",
        "referralPartner": "Keller"
      },
      "newValue": {
        "propertyType": "Single family",
        "referralPartner": "Keller"
      },
      "actorId": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
      "actorName": "Dana Admin",
      "reason": null,
      "requestId": "50536456-064b-47f4-94f9-283064d4ef52",
      "occurredAt": "2026-11-21T09:24:05.133080Z",
      "mergedFromLeadId": null
    },
    {
      "id": "01a1fd6b-87a9-79a1-b95a-fd8bdca088b5",
      "action": "UPDATED",
      "field": "tags",
      "oldValue": [
        "hot",
        "first-time"
      ],
      "newValue": [
        "hot"
      ],
      "actorId": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
      "actorName": "Dana Admin",
      "reason": null,
      "requestId": "50536456-064b-47f4-94f9-283064d4ef52",
      "occurredAt": "2026-11-21T09:24:05.133080Z",
      "mergedFromLeadId": null
    },
    {
      "id": "01a1fd6b-87a9-773b-9bfb-c95567d70359",
      "action": "UPDATED",
      "field": "loanAmount",
      "oldValue": 425000,
      "newValue": 400000,
      "actorId": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
      "actorName": "Dana Admin",
      "reason": null,
      "requestId": "50536456-064b-47f4-94f9-283064d4ef52",
      "occurredAt": "2026-11-21T09:24:05.133080Z",
      "mergedFromLeadId": null
    },
    {
      "id": "01a1fd6b-87a9-72bd-b129-bd4c39df41b0",
      "action": "UPDATED",
      "field": "loanPurpose",
      "oldValue": "PURCHASE",
      "newValue": "REFINANCE",
      "actorId": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
      "actorName": "Dana Admin",
      "reason": null,
      "requestId": "50536456-064b-47f4-94f9-283064d4ef52",
      "occurredAt": "2026-11-21T09:24:05.133080Z",
      "mergedFromLeadId": null
    }
  ],
  "nextCursor": "MjAyNi0xMS0yMVQwOToyNDowNS4xMzMwODBaHzAxYTFmZDZiLTg3YTktNzJiZC1iMTI5LWJkNGMzOWRmNDFiMA"
} satisfies HistoryPage;

/** GET /api/leads/pipeline/stages (the default pipeline) */
export const stages = [
  {
    "id": "01a1fd6b-5a77-79e2-8b27-3afef722c200",
    "name": "New",
    "kind": "OPEN",
    "position": 0,
    "open": true
  },
  {
    "id": "01a1fd6b-5a79-7bed-8074-a1fc384cf765",
    "name": "Contacted",
    "kind": "OPEN",
    "position": 1,
    "open": true
  },
  {
    "id": "01a1fd6b-5a7a-7473-b475-2ec8591e486c",
    "name": "Qualified",
    "kind": "OPEN",
    "position": 2,
    "open": true
  },
  {
    "id": "01a1fd6b-5a7a-7326-a80f-ffca25d50527",
    "name": "Application",
    "kind": "OPEN",
    "position": 3,
    "open": true
  },
  {
    "id": "01a1fd6b-5a7a-78e8-831d-210125f8888d",
    "name": "Closed won",
    "kind": "WON",
    "position": 4,
    "open": false
  },
  {
    "id": "01a1fd6b-5a7b-707f-b509-133f2b1179d7",
    "name": "Closed lost",
    "kind": "LOST",
    "position": 5,
    "open": false
  }
] satisfies Stage[];

/** PUT /api/leads/assignment/rules */
export const rules = {
  "timeZone": "America/Chicago",
  "rules": [
    {
      "id": "01a1fd79-64b4-70d3-b173-ac8a963cf9bd",
      "name": "Texas purchases",
      "enabled": true,
      "match": {
        "sources": [],
        "states": [
          "TX"
        ],
        "loanPurposes": [
          "PURCHASE"
        ],
        "minLoanAmount": 100000,
        "maxLoanAmount": null,
        "creditBands": []
      },
      "action": {
        "type": "TEAM_ROUND_ROBIN",
        "userId": null,
        "teamId": "01a1fd6a-e43f-7d0b-90d1-8028d57b14ca"
      },
      "dailyCapPerAgent": 20
    }
  ]
} satisfies RuleSet;

/** GET /api/leads/assignment/agents */
export const agents = [
  {
    "userId": "01a1fd6a-e651-7946-a15a-4f00a111a9dc",
    "name": "Tom Becker",
    "email": "agent2@demo.chosencrm.test",
    "roles": [
      "AGENT"
    ],
    "teamId": "01a1fd6a-e43f-7d0b-90d1-8028d57b14ca",
    "active": true,
    "paused": false,
    "pausedUntil": null,
    "pauseReason": null
  },
  {
    "userId": "01a1fd6a-e6f2-74d8-8a54-fb30803eedfd",
    "name": "Ana Lopez",
    "email": "agent3@demo.chosencrm.test",
    "roles": [
      "AGENT"
    ],
    "teamId": "01a1fd6a-e43f-7d0b-90d1-8028d57b14ca",
    "active": true,
    "paused": false,
    "pausedUntil": null,
    "pauseReason": null
  },
  {
    "userId": "01a1fd6a-e3b3-7ea4-9a00-6f35731995e2",
    "name": "Marcus Reyes",
    "email": "supervisor@demo.chosencrm.test",
    "roles": [
      "SUPERVISOR"
    ],
    "teamId": "01a1fd6a-e43f-7d0b-90d1-8028d57b14ca",
    "active": true,
    "paused": false,
    "pausedUntil": null,
    "pauseReason": null
  },
  {
    "userId": "01a1fd6a-e5af-7e31-9eba-5e1efa153780",
    "name": "Priya Shah",
    "email": "agent1@demo.chosencrm.test",
    "roles": [
      "AGENT"
    ],
    "teamId": "01a1fd6a-e43f-7d0b-90d1-8028d57b14ca",
    "active": true,
    "paused": false,
    "pausedUntil": null,
    "pauseReason": null
  },
  {
    "userId": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
    "name": "Dana Whitfield",
    "email": "admin@demo.chosencrm.test",
    "roles": [
      "ADMIN"
    ],
    "teamId": null,
    "active": true,
    "paused": false,
    "pausedUntil": null,
    "pauseReason": null
  }
] satisfies Agent[];

/** POST /api/leads/bulk (ADD_TAGS) */
export const bulk = {
  "action": "ADD_TAGS",
  "matched": 1,
  "changed": 1
} satisfies BulkResult;

/** GET /api/leads/imports/{id} once completed, one row refused */
export const importJob = {
  "id": "01a1fd6b-e03e-78f7-b527-a6b3a050a1bb",
  "state": "COMPLETED",
  "fileName": "leads-ui-test.xlsx",
  "format": "XLSX",
  "fileSize": 2205,
  "sheetName": "Leads",
  "headerRow": 1,
  "headers": [
    {
      "column": 0,
      "letter": "A",
      "name": "First name",
      "samples": [
        "Ivy",
        "Oscar",
        "Bad"
      ]
    },
    {
      "column": 1,
      "letter": "B",
      "name": "Last name",
      "samples": [
        "Importer",
        "Onrow",
        "Row"
      ]
    },
    {
      "column": 2,
      "letter": "C",
      "name": "Email",
      "samples": [
        "ivy@example.com",
        "oscar@example.com",
        "not-an-email"
      ]
    },
    {
      "column": 3,
      "letter": "D",
      "name": "Phone",
      "samples": [
        "214-555-0101",
        "214-555-0102",
        "12"
      ]
    },
    {
      "column": 4,
      "letter": "E",
      "name": "Lead source",
      "samples": [
        "Zillow",
        "Referral",
        "Zillow"
      ]
    },
    {
      "column": 5,
      "letter": "F",
      "name": "Loan amount",
      "samples": [
        "350000",
        "200000",
        "lots"
      ]
    },
    {
      "column": 6,
      "letter": "G",
      "name": "State",
      "samples": [
        "TX",
        "CA",
        "ZZ"
      ]
    },
    {
      "column": 7,
      "letter": "H",
      "name": "Favourite colour",
      "samples": [
        "Blue",
        "Red",
        "Green"
      ]
    }
  ],
  "sampleRows": [
    [
      "Ivy",
      "Importer",
      "ivy@example.com",
      "214-555-0101",
      "Zillow",
      "350000",
      "TX",
      "Blue"
    ],
    [
      "Oscar",
      "Onrow",
      "oscar@example.com",
      "214-555-0102",
      "Referral",
      "200000",
      "CA",
      "Red"
    ],
    [
      "Bad",
      "Row",
      "not-an-email",
      "12",
      "Zillow",
      "lots",
      "ZZ",
      "Green"
    ]
  ],
  "proposedMapping": [
    {
      "column": 0,
      "header": "First name",
      "field": "firstName",
      "matchedBy": "HEADER"
    },
    {
      "column": 1,
      "header": "Last name",
      "field": "lastName",
      "matchedBy": "HEADER"
    },
    {
      "column": 2,
      "header": "Email",
      "field": "email",
      "matchedBy": "HEADER"
    },
    {
      "column": 3,
      "header": "Phone",
      "field": "phone",
      "matchedBy": "HEADER"
    },
    {
      "column": 4,
      "header": "Lead source",
      "field": "source",
      "matchedBy": "HEADER"
    },
    {
      "column": 5,
      "header": "Loan amount",
      "field": "loanAmount",
      "matchedBy": "HEADER"
    },
    {
      "column": 6,
      "header": "State",
      "field": "propertyState",
      "matchedBy": "HEADER"
    },
    {
      "column": 7,
      "header": "Favourite colour",
      "field": null,
      "matchedBy": null
    }
  ],
  "mapping": [
    {
      "column": 0,
      "field": "firstName"
    },
    {
      "column": 1,
      "field": "lastName"
    },
    {
      "column": 2,
      "field": "email"
    },
    {
      "column": 3,
      "field": "phone"
    },
    {
      "column": 4,
      "field": "source"
    },
    {
      "column": 5,
      "field": "loanAmount"
    },
    {
      "column": 6,
      "field": "propertyState"
    }
  ],
  "duplicatePolicy": "SKIP",
  "defaultAssigneeId": null,
  "progress": {
    "rowsTotal": 3,
    "rowsRead": 3,
    "created": 2,
    "updated": 0,
    "skipped": 0,
    "failed": 1,
    "percent": 100
  },
  "failure": null,
  "errorReport": "/api/leads/imports/01a1fd6b-e03e-78f7-b527-a6b3a050a1bb/errors.xlsx",
  "createdBy": "01a1fd6a-dfff-7ef9-ae8c-d9dc83960f6e",
  "createdAt": "2026-11-21T09:24:27.839340Z",
  "startedAt": "2026-11-21T09:24:29.659595Z",
  "finishedAt": "2026-11-21T09:24:29.794020Z",
  "undo": null
} satisfies ImportJob;

/** PUT /api/leads/{id} with a stale version: 409 */
export const staleVersion = {
  "detail": "The lead was changed by someone else since you loaded it (now version 5); reload it and try again",
  "instance": "/api/leads/01a1fd6b-6980-7f89-894c-a90f48d93829",
  "status": 409,
  "title": "Conflict",
  "type": "https://chosencrm.dev/problems/conflict",
  "requestId": "e23505f5-f369-41bc-98a1-09a4cd048d3d"
};

/** POST /api/leads with the email of another lead: 409 with the duplicates */
export const duplicate = {
  "detail": "A lead with the same email already exists: 01a1fd6b-6980-7f89-894c-a90f48d93829",
  "instance": "/api/leads",
  "status": 409,
  "title": "Duplicate lead",
  "type": "https://chosencrm.dev/problems/duplicate-lead",
  "duplicates": [
    {
      "leadId": "01a1fd6b-6980-7f89-894c-a90f48d93829",
      "matchedOn": [
        "EMAIL"
      ]
    }
  ],
  "requestId": "9d074527-9edc-4fd0-a70f-a0f98bfdff0c"
};
