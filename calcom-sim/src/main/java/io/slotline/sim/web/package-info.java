@NullMarked
package io.slotline.sim.web;

import org.jspecify.annotations.NullMarked;
