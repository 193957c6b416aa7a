/**
 * The HTTP edge, before any controller: request body limits enforced before a body is read, and no direct
 * requests to the container's error page. Retell's routes keep their own limit in their signature filter.
 */
@NullMarked
package io.slotline.edge;

import org.jspecify.annotations.NullMarked;
