/**
 * The database as a live call sees it: a connection that can't be had fails fast instead of holding the caller.
 */
@NullMarked
package io.slotline.database;

import org.jspecify.annotations.NullMarked;
