@NullMarked
package io.slotline.appointments;

import org.jspecify.annotations.NullMarked;
