/**
 * Holding and booking slots in Cal.com for a live call: which calendar a service (and staff member) is, ranking of
 * alternatives, slot holds (Cal.com reservations) while the caller confirms, and the booking itself, which never
 * trusts cached availability and never books twice.
 */
@NullMarked
package io.slotline.booking;

import org.jspecify.annotations.NullMarked;
