@NullMarked
package io.slotline.bench.report;

import org.jspecify.annotations.NullMarked;
