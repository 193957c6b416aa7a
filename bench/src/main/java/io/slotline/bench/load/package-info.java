@NullMarked
package io.slotline.bench.load;

import org.jspecify.annotations.NullMarked;
