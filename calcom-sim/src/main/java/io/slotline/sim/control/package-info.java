@NullMarked
package io.slotline.sim.control;

import org.jspecify.annotations.NullMarked;
