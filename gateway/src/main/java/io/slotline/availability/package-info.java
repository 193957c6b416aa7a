@NullMarked
package io.slotline.availability;

import org.jspecify.annotations.NullMarked;
