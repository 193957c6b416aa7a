@NullMarked
package io.slotline.calls;

import org.jspecify.annotations.NullMarked;
