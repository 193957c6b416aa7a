package io.slotline.calcom;

import org.jspecify.annotations.Nullable;

/** A team the key's user is a member of ({@code GET /v2/teams}); organisations are teams too in Cal.com. */
public record CalcomTeam(long id, @Nullable String slug, String name, boolean organization) {}
