@NullMarked
package io.slotline.bench.sut;

import org.jspecify.annotations.NullMarked;
