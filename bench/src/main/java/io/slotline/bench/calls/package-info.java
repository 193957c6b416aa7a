@NullMarked
package io.slotline.bench.calls;

import org.jspecify.annotations.NullMarked;
