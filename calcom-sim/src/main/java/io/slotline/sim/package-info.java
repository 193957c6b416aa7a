@NullMarked
package io.slotline.sim;

import org.jspecify.annotations.NullMarked;
