@NullMarked
package io.slotline.sim.calendar;

import org.jspecify.annotations.NullMarked;
