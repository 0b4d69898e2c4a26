// Answers recorded from a running user-service (a freshly registered tenant), tokens replaced.
// `satisfies` checks that the client's types in src/api/userService.ts describe what the service
// really sends; re-record with the same requests when the service changes.
import type { ProblemDetails } from '@/api/problem';
import type { AuditPage, CustomField, FeatureFlag, Me, Team, TeamSummary, TenantSettings, TokenResponse, UserPage } from '@/api/userService';

/** POST /api/auth/register */
export const token = {
  "accessToken": "eyJhbGciOiJSUzI1NiJ9.recorded.signature",
  "tokenType": "Bearer",
  "expiresIn": 900,
  "refreshToken": "recorded-refresh-token",
  "refreshExpiresAt": "2026-12-05T08:57:38.000844272Z",
  "user": {
    "id": "01a1fd53-4fa0-7276-9b80-6f9d593ec528",
    "tenantId": "01a1fd53-4e5e-7957-8bc0-debf94024928",
    "email": "fay+1795251457@fixture.chosencrm.test",
    "firstName": "Fay",
    "lastName": "Fixture",
    "roles": [
      "ADMIN"
    ],
    "teamId": null
  }
} satisfies TokenResponse;

/** GET /api/auth/me */
export const me = {
  "id": "01a1fd53-4fa0-7276-9b80-6f9d593ec528",
  "tenantId": "01a1fd53-4e5e-7957-8bc0-debf94024928",
  "email": "fay+1795251457@fixture.chosencrm.test",
  "firstName": "Fay",
  "lastName": "Fixture",
  "roles": [
    "ADMIN"
  ],
  "teamId": null,
  "tenant": {
    "id": "01a1fd53-4e5e-7957-8bc0-debf94024928",
    "name": "Fixture Lending 1795251457",
    "status": "ACTIVE"
  }
} satisfies Me;

/** GET /api/users?limit=2 */
export const users = {
  "items": [
    {
      "id": "01a1fd53-5478-7124-a62e-6c510b7fc195",
      "email": "ada+1795251457@fixture.chosencrm.test",
      "firstName": "Ada",
      "lastName": "Agent",
      "fullName": "Ada Agent",
      "roles": [
        "AGENT"
      ],
      "teamId": "01a1fd53-50f0-72a1-bb4e-e6caf9d41f10",
      "active": true,
      "createdAt": "2026-11-21T08:57:39.192612Z",
      "updatedAt": "2026-11-21T08:57:39.192612Z",
      "deactivatedAt": null
    },
    {
      "id": "01a1fd53-4fa0-7276-9b80-6f9d593ec528",
      "email": "fay+1795251457@fixture.chosencrm.test",
      "firstName": "Fay",
      "lastName": "Fixture",
      "fullName": "Fay Fixture",
      "roles": [
        "ADMIN"
      ],
      "teamId": null,
      "active": true,
      "createdAt": "2026-11-21T08:57:37.952768Z",
      "updatedAt": "2026-11-21T08:57:37.952768Z",
      "deactivatedAt": null
    }
  ],
  "nextCursor": "ZmF5IGZpeHR1cmUfMDFhMWZkNTMtNGZhMC03Mjc2LTliODAtNmY5ZDU5M2VjNTI4"
} satisfies UserPage;

/** GET /api/teams */
export const teams = [
  {
    "id": "01a1fd53-50f0-72a1-bb4e-e6caf9d41f10",
    "name": "Refinance Desk",
    "supervisorId": "01a1fd53-52f6-7e03-ac90-c26123d8f385",
    "memberCount": 2,
    "createdAt": "2026-11-21T08:57:38.288244Z",
    "updatedAt": "2026-11-21T08:57:39.438734Z"
  }
] satisfies TeamSummary[];

/** PUT /api/teams/{id} */
export const team = {
  "id": "01a1fd53-50f0-72a1-bb4e-e6caf9d41f10",
  "name": "Refinance Desk",
  "supervisorId": "01a1fd53-52f6-7e03-ac90-c26123d8f385",
  "members": [
    {
      "id": "01a1fd53-5478-7124-a62e-6c510b7fc195",
      "firstName": "Ada",
      "lastName": "Agent",
      "fullName": "Ada Agent",
      "email": "ada+1795251457@fixture.chosencrm.test",
      "roles": [
        "AGENT"
      ],
      "active": true
    },
    {
      "id": "01a1fd53-52f6-7e03-ac90-c26123d8f385",
      "firstName": "Sid",
      "lastName": "Supervisor",
      "fullName": "Sid Supervisor",
      "email": "sid+1795251457@fixture.chosencrm.test",
      "roles": [
        "SUPERVISOR"
      ],
      "active": true
    }
  ],
  "createdAt": "2026-11-21T08:57:38.288244Z",
  "updatedAt": "2026-11-21T08:57:39.438733542Z"
} satisfies Team;

/** GET /api/settings/tenant (never saved) */
export const settings = {
  "companyName": "Fixture Lending 1795251457",
  "legalName": null,
  "nmlsId": null,
  "phone": null,
  "email": null,
  "website": null,
  "address": {
    "line1": null,
    "line2": null,
    "city": null,
    "state": null,
    "postalCode": null
  },
  "timeZone": "America/New_York",
  "locale": "en-US",
  "branding": {
    "logoUrl": null,
    "primaryColor": "#0066FF"
  },
  "version": 0,
  "updatedAt": null,
  "updatedBy": null
} satisfies TenantSettings;

/** PUT /api/settings/tenant */
export const settingsSaved = {
  "companyName": "Fixture Lending 1795251457",
  "legalName": null,
  "nmlsId": null,
  "phone": null,
  "email": null,
  "website": null,
  "address": {
    "line1": null,
    "line2": null,
    "city": "Dallas",
    "state": "TX",
    "postalCode": null
  },
  "timeZone": "America/Chicago",
  "locale": "en-US",
  "branding": {
    "logoUrl": null,
    "primaryColor": "#0066FF"
  },
  "version": 1,
  "updatedAt": "2026-11-21T08:57:40.490318Z",
  "updatedBy": "01a1fd53-4fa0-7276-9b80-6f9d593ec528"
} satisfies TenantSettings;

/** PUT /api/settings/features */
export const features = [
  {
    "key": "leadImport",
    "type": "BOOLEAN",
    "value": true,
    "defaultValue": true,
    "description": "Admins and supervisors can import leads from spreadsheets",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "roundRobinAssignment",
    "type": "BOOLEAN",
    "value": true,
    "defaultValue": false,
    "description": "New leads are assigned to agents in turn, automatically",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": true,
    "updatedAt": "2026-11-21T08:57:39.799742Z",
    "updatedBy": "01a1fd53-4fa0-7276-9b80-6f9d593ec528"
  },
  {
    "key": "smsCampaigns",
    "type": "BOOLEAN",
    "value": false,
    "defaultValue": false,
    "description": "SMS campaigns can be sent (charged per message)",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "emailCampaigns",
    "type": "BOOLEAN",
    "value": true,
    "defaultValue": true,
    "description": "Email campaigns can be sent",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "clickToCall",
    "type": "BOOLEAN",
    "value": false,
    "defaultValue": false,
    "description": "Agents can call a lead from the CRM through RingCentral",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "aiCoaching",
    "type": "BOOLEAN",
    "value": false,
    "defaultValue": false,
    "description": "Agents get AI-generated coaching insights on their calls",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "lenderMarketplace",
    "type": "BOOLEAN",
    "value": false,
    "defaultValue": false,
    "description": "Loan officers can match scenarios against lenders' products",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "mismoExport",
    "type": "BOOLEAN",
    "value": true,
    "defaultValue": true,
    "description": "Loan applications can be exported as MISMO 3.4 files",
    "allowedValues": null,
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "maxUsers",
    "type": "INTEGER",
    "value": 25,
    "defaultValue": 25,
    "description": "How many active users the tenant may have",
    "allowedValues": null,
    "minimum": 1,
    "maximum": 10000,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "dataRetentionDays",
    "type": "INTEGER",
    "value": 1095,
    "defaultValue": 1095,
    "description": "Days closed leads and call records are kept before they are purged",
    "allowedValues": null,
    "minimum": 30,
    "maximum": 3650,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "leadDedupeMatch",
    "type": "STRING",
    "value": "EMAIL_OR_PHONE",
    "defaultValue": "EMAIL_OR_PHONE",
    "description": "Which details make an imported or new lead a duplicate of an existing one",
    "allowedValues": [
      "EMAIL",
      "PHONE",
      "EMAIL_OR_PHONE",
      "NONE"
    ],
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  },
  {
    "key": "scoreboardPeriod",
    "type": "STRING",
    "value": "WEEKLY",
    "defaultValue": "WEEKLY",
    "description": "The period coaching scoreboards and leaderboards rank agents over",
    "allowedValues": [
      "DAILY",
      "WEEKLY",
      "MONTHLY"
    ],
    "minimum": null,
    "maximum": null,
    "overridden": false,
    "updatedAt": null,
    "updatedBy": null
  }
] satisfies FeatureFlag[];

/** POST /api/settings/custom-fields */
export const customField = {
  "id": "01a1fd53-5827-71de-8095-4dae97aaf312",
  "entity": "LEAD",
  "key": "loanPurpose",
  "label": "Loan purpose",
  "type": "SELECT",
  "options": [
    "Purchase",
    "Refinance"
  ],
  "required": true,
  "position": 0,
  "createdAt": "2026-11-21T08:57:40.135167Z",
  "updatedAt": "2026-11-21T08:57:40.135167Z"
} satisfies CustomField;

/** GET /api/settings/audit?limit=3 (two of three entries) */
export const audit = {
  "items": [
    {
      "id": "01a1fd53-59b0-75c3-8179-7de39d72f01b",
      "occurredAt": "2026-11-21T08:57:40.529569Z",
      "actorId": "01a1fd53-4fa0-7276-9b80-6f9d593ec528",
      "actorEmail": "fay+1795251457@fixture.chosencrm.test",
      "action": "TENANT_SETTINGS_CHANGED",
      "targetType": "TENANT_SETTINGS",
      "targetId": "01a1fd53-4e5e-7957-8bc0-debf94024928",
      "details": {
        "changes": {
          "timeZone": {
            "new": "America/Chicago",
            "old": "America/New_York"
          },
          "address.city": {
            "new": "Dallas",
            "old": null
          },
          "address.state": {
            "new": "TX",
            "old": null
          }
        }
      },
      "requestId": "f617b215-ab57-403e-bdef-49b4a2fc5f4b"
    },
    {
      "id": "01a1fd53-58af-7833-bc7a-05d72e92b716",
      "occurredAt": "2026-11-21T08:57:40.272421Z",
      "actorId": "01a1fd53-4fa0-7276-9b80-6f9d593ec528",
      "actorEmail": "fay+1795251457@fixture.chosencrm.test",
      "action": "CUSTOM_FIELDS_CHANGED",
      "targetType": "CUSTOM_FIELD",
      "targetId": "01a1fd53-5827-71de-8095-4dae97aaf312",
      "details": {
        "key": "loanPurpose",
        "type": "SELECT",
        "entity": "LEAD",
        "operation": "CREATED",
        "definition": {
          "label": "Loan purpose",
          "options": [
            "Purchase",
            "Refinance"
          ],
          "position": 0,
          "required": true
        }
      },
      "requestId": "52dd7bb4-8890-4f70-8960-00c27cf1e48c"
    }
  ],
  "nextCursor": "MDFhMWZkNTMtNTcwYS03ZjFiLWI1ZDktZWQ2NTNkZDZiNGVm"
} satisfies AuditPage;

/** POST /api/users with only an invalid email (400) */
export const validation = {
  "detail": "5 fields are not valid",
  "instance": "/api/users",
  "status": 400,
  "title": "Validation failed",
  "type": "https://chosencrm.dev/problems/validation",
  "errors": [
    {
      "field": "email",
      "message": "Email must be a valid email address"
    },
    {
      "field": "firstName",
      "message": "First name is required"
    },
    {
      "field": "lastName",
      "message": "Last name is required"
    },
    {
      "field": "password",
      "message": "An initial password is required"
    },
    {
      "field": "roles",
      "message": "Choose at least one role"
    }
  ],
  "requestId": "8927f02b-8ede-41a7-be17-6b03a0d74484"
} satisfies ProblemDetails;

/** GET /api/settings/audit with an agent's token (403) */
export const forbidden = {
  "detail": "Your role does not allow this action",
  "instance": "/api/settings/audit",
  "status": 403,
  "title": "Forbidden",
  "type": "https://chosencrm.dev/problems/forbidden",
  "requestId": "fd5649aa-9e51-449f-a6b5-3ce35ac4b0db"
} satisfies ProblemDetails;
