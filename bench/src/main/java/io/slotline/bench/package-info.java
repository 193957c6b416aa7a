@NullMarked
package io.slotline.bench;

import org.jspecify.annotations.NullMarked;
