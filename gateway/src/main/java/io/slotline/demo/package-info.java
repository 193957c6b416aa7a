/** Demo mode: an embedded Cal.com simulator and the demo tenant, so one command shows Slotline working. */
@NullMarked
package io.slotline.demo;

import org.jspecify.annotations.NullMarked;
