@NullMarked
package io.slotline.sim.config;

import org.jspecify.annotations.NullMarked;
