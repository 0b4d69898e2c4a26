/**
 * Tenant settings: the company profile (this package), feature flags ({@code user.feature}), custom
 * field definitions ({@code user.customfield}) and the audit listing ({@code user.audit}). Admins
 * write, everyone in the tenant reads; the tenant always comes from the token.
 *
 * <table>
 *   <caption>REST</caption>
 *   <tr><th>method</th><th>path</th><th>roles</th><th>answers</th></tr>
 *   <tr><td>GET</td><td>/api/settings/tenant</td><td>ADMIN, SUPERVISOR, AGENT</td>
 *       <td>200, 401, 403</td></tr>
 *   <tr><td>PUT</td><td>/api/settings/tenant</td><td>ADMIN</td>
 *       <td>200, 400, 401, 403, 409 (stale version)</td></tr>
 *   <tr><td>GET</td><td>/api/settings/features</td><td>ADMIN, SUPERVISOR, AGENT</td>
 *       <td>200, 401, 403</td></tr>
 *   <tr><td>PUT</td><td>/api/settings/features</td><td>ADMIN</td>
 *       <td>200, 400 (unknown key, wrong type), 401, 403</td></tr>
 *   <tr><td>GET</td><td>/api/settings/custom-fields?entity=</td>
 *       <td>ADMIN, SUPERVISOR, AGENT</td><td>200, 400, 401, 403</td></tr>
 *   <tr><td>POST</td><td>/api/settings/custom-fields</td><td>ADMIN</td>
 *       <td>201, 400, 401, 403, 409 (key taken), 422 (too many fields)</td></tr>
 *   <tr><td>PUT</td><td>/api/settings/custom-fields/{id}</td><td>ADMIN</td>
 *       <td>200, 400, 401, 403, 404, 422 (key or type change)</td></tr>
 *   <tr><td>DELETE</td><td>/api/settings/custom-fields/{id}</td><td>ADMIN</td>
 *       <td>204, 401, 403, 404</td></tr>
 *   <tr><td>POST</td><td>/api/settings/custom-fields/validate</td>
 *       <td>ADMIN, SUPERVISOR, AGENT</td><td>200, 400 ({@code customFields.<key>}), 401, 403</td></tr>
 *   <tr><td>GET</td><td>/api/settings/audit?action=&amp;actorId=&amp;from=&amp;to=&amp;limit=&amp;cursor=</td>
 *       <td>ADMIN</td><td>200, 400, 401, 403</td></tr>
 * </table>
 *
 * <p><b>Concurrency.</b> The profile carries a {@code version} in its JSON (0 until first saved);
 * PUT must send back the version it was based on and gets 409 if it is stale. Chosen over
 * ETag/If-Match because the SPA edits the profile as one form and keeps the version with it.
 * Feature flags are partial updates of independent keys and custom fields are separate rows, so
 * neither needs a version.
 *
 * <p><b>Events.</b> Every change publishes one {@link
 * com.chosencrm.user.settings.TenantSettingsChanged} through the outbox ({@code aggregateId} = the
 * tenant), with {@code section} PROFILE, FEATURES or CUSTOM_FIELDS and {@code changedFields} such
 * as {@code timeZone}, {@code features.smsCampaigns} or {@code customFields.LEAD}. There is no
 * separate FeatureFlagsChanged event. A request that changes nothing publishes nothing.
 *
 * <p><b>Audit.</b> TENANT_SETTINGS_CHANGED, FEATURE_FLAGS_CHANGED and CUSTOM_FIELDS_CHANGED entries
 * carry the admin, the request id and the old and new values.
 */
package com.chosencrm.user.settings;
