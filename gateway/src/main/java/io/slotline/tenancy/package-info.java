@NullMarked
package io.slotline.tenancy;

import org.jspecify.annotations.NullMarked;
