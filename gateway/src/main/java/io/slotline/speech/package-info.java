/**
 * Speech-facing helpers for the voice agent: parsing dates, times and time windows as callers and LLMs
 * phrase them, resolving wall-clock times in a branch's zone, speakable formatting, fuzzy service
 * matching and the catalogue of spoken answers. Pure Java, no I/O and no Spring.
 */
@NullMarked
package io.slotline.speech;

import org.jspecify.annotations.NullMarked;
