package io.slotline.admin;

import java.util.List;

/** One page of a list, newest first; {@code total} counts all matches so a client can page through them. */
record Page<T>(List<T> items, int page, int size, long total) {}
