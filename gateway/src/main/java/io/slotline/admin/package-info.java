/**
 * Tenant administration: the admin REST API under {@code /admin/api} (bearer token), declarative tenant files
 * applied through the API or the {@code apply} command line, Cal.com event type sync and the Retell tool definitions.
 */
@NullMarked
package io.slotline.admin;

import org.jspecify.annotations.NullMarked;
