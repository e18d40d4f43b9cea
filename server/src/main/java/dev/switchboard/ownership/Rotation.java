package dev.switchboard.ownership;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An on-call rotation. Who is on call is computed for any instant, never stored: members take
 * turns of {@code lengthDays} days, handing off at {@code handoff} local time in {@code zone},
 * the first turn (members[0]) starting on {@code start}. Hand-offs follow the wall clock, so a
 * 09:00 hand-off stays at 09:00 across DST changes (a shift spanning the change is an hour
 * shorter or longer); a hand-off time that falls in a DST gap moves forward by the gap.
 * Overrides win over the schedule; when several cover an instant, the last one listed wins.
 */
public record Rotation(String id, List<String> members, LocalDate start, LocalTime handoff, ZoneId zone, int lengthDays,
		List<Override> overrides) {

	public Rotation {
		members = List.copyOf(members);
		overrides = overrides == null ? List.of() : List.copyOf(overrides);
		if (members.isEmpty() || lengthDays < 1) {
			throw new IllegalArgumentException("a rotation needs members and a length of at least one day");
		}
	}

	/** A person covering {@code [from, to)}, local date-times in the rotation's zone. */
	public record Override(String person, LocalDateTime from, LocalDateTime to, String reason) {
	}

	/** One turn on call: who, from when, until when. */
	public record Shift(String person, Instant from, Instant to, boolean override) {
	}

	public String onCallAt(Instant instant) {
		return shiftAt(instant).person();
	}

	/**
	 * Who is on call at {@code instant}, from when and until when: the scheduled shift or the
	 * winning override, narrowed to where no override that takes precedence over it applies.
	 */
	public Shift shiftAt(Instant instant) {
		for (int i = overrides.size() - 1; i >= 0; i--) {
			Override o = overrides.get(i);
			Instant from = o.from().atZone(zone).toInstant();
			Instant to = o.to().atZone(zone).toInstant();
			if (!instant.isBefore(from) && instant.isBefore(to)) {
				return narrowed(new Shift(o.person(), from, to, true), instant, overrides.subList(i + 1, overrides.size()));
			}
		}
		return narrowed(scheduledShiftAt(instant), instant, overrides);
	}

	/** {@code shift} cut back to the part around {@code instant} that none of {@code winners} covers. */
	private Shift narrowed(Shift shift, Instant instant, List<Override> winners) {
		Instant from = shift.from();
		Instant to = shift.to();
		for (Override o : winners) {
			Instant oFrom = o.from().atZone(zone).toInstant();
			Instant oTo = o.to().atZone(zone).toInstant();
			if (!oTo.isAfter(instant) && oTo.isAfter(from)) {
				from = oTo;
			}
			if (oFrom.isAfter(instant) && oFrom.isBefore(to)) {
				to = oFrom;
			}
		}
		return new Shift(shift.person(), from, to, shift.override());
	}

	/** The shift the schedule gives, ignoring overrides. */
	public Shift scheduledShiftAt(Instant instant) {
		LocalDate day = instant.atZone(zone).toLocalDate();
		if (instant.isBefore(handoffOn(day))) {
			day = day.minusDays(1);
		}
		long turn = Math.floorDiv(ChronoUnit.DAYS.between(start, day), lengthDays);
		LocalDate turnStart = start.plusDays(turn * lengthDays);
		String person = members.get((int) Math.floorMod(turn, (long) members.size()));
		return new Shift(person, handoffOn(turnStart), handoffOn(turnStart.plusDays(lengthDays)), false);
	}

	private Instant handoffOn(LocalDate day) {
		return ZonedDateTime.of(day, handoff, zone).toInstant();
	}
}
