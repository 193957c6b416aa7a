@NullMarked
package io.slotline.secrets;

import org.jspecify.annotations.NullMarked;
