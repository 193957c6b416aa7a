@NullMarked
package io.slotline.customers;

import org.jspecify.annotations.NullMarked;
