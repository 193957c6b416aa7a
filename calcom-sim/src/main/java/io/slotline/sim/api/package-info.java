@NullMarked
package io.slotline.sim.api;

import org.jspecify.annotations.NullMarked;
