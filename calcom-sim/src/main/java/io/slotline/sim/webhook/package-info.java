@NullMarked
package io.slotline.sim.webhook;

import org.jspecify.annotations.NullMarked;
