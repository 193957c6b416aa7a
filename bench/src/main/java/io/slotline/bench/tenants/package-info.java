@NullMarked
package io.slotline.bench.tenants;

import org.jspecify.annotations.NullMarked;
