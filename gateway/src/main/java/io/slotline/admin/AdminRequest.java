package io.slotline.admin;

/**
 * Marks request bodies of the admin API: they are read strictly (an unknown property is a 400, not silently
 * ignored), because a mistyped field name like "retelApiKey" must not look like success to an operator.
 */
interface AdminRequest {}
