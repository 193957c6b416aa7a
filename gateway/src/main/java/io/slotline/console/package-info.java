/**
 * The operator console at /console: server-rendered pages (Thymeleaf) behind a form sign-in (Spring Security, limited
 * to /console/**), for operators (every company) and company accounts (their own company only, in every query).
 */
@NullMarked
package io.slotline.console;

import org.jspecify.annotations.NullMarked;
