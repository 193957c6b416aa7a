/** The gateway application: its entry point and the feature events the modules publish to one another. */
@NullMarked
package io.slotline;

import org.jspecify.annotations.NullMarked;
