package dev.switchboard.ownership;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Who is on call at a given instant. Expected values are worked out by hand: instants are written
 * with the offset the zone has on that day (CET +01:00 / CEST +02:00, EST -05:00 / EDT -04:00) or
 * in UTC, and turns are counted in days from {@code start}. 2026 DST changes: Europe/Paris on
 * Sunday 29 March (02:00 → 03:00) and Sunday 25 October (03:00 → 02:00); America/New_York on
 * Sunday 8 March (02:00 → 03:00) and Sunday 1 November (02:00 → 01:00).
 */
class RotationTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static Instant at(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	private static Rotation rotation(ZoneId zone, String handoff, String start, int lengthDays, List<String> members,
			Rotation.Override... overrides) {
		return new Rotation("r", members, LocalDate.parse(start), LocalTime.parse(handoff), zone, lengthDays,
				List.of(overrides));
	}

	private static Rotation.Override override(String person, String from, String to) {
		return new Rotation.Override(person, LocalDateTime.parse(from), LocalDateTime.parse(to), "test");
	}

	@Nested
	class HandOffs {

		// Paris, daily at 09:00 from Monday 5 January: ana on the 5th, ben on the 6th, cem on the 7th.
		private final Rotation daily = rotation(PARIS, "09:00", "2026-01-05", 1, List.of("ana", "ben", "cem"));

		@Test
		void handsOverToTheFirstMemberAtTheFirstHandOff() {
			assertThat(daily.onCallAt(at("2026-01-05T09:00+01:00"))).isEqualTo("ana");
		}

		@Test
		void keepsThePreviousPersonUntilNineLocalTime() {
			assertThat(daily.onCallAt(at("2026-01-07T08:59+01:00"))).isEqualTo("ben");
		}

		@Test
		void handsOffAtNineLocalTime() {
			assertThat(daily.onCallAt(at("2026-01-07T09:00+01:00"))).isEqualTo("cem");
			assertThat(daily.onCallAt(at("2026-01-07T09:01+01:00"))).isEqualTo("cem");
		}

		@Test
		void wrapsAroundToTheFirstMemberAfterTheLast() {
			assertThat(daily.onCallAt(at("2026-01-08T09:01+01:00"))).isEqualTo("ana");
		}

		@Test
		void reportsTheShiftAsTheDayBetweenTwoHandOffs() {
			assertThat(daily.shiftAt(at("2026-01-06T23:00+01:00")))
				.isEqualTo(new Rotation.Shift("ben", at("2026-01-06T08:00Z"), at("2026-01-07T08:00Z"), false));
		}

		@Test
		void onCallAtIsThePersonOfTheShift() {
			Instant instant = at("2026-01-09T03:00Z");
			assertThat(daily.onCallAt(instant)).isEqualTo(daily.shiftAt(instant).person());
		}
	}

	@Nested
	class DaylightSavingTime {

		// Paris, daily at 09:00 from 1 March: the 28th is day 27 (ana), the 29th day 28 (ben), the 30th day 29 (cem).
		private final Rotation parisSpring = rotation(PARIS, "09:00", "2026-03-01", 1, List.of("ana", "ben", "cem"));

		@Test
		void handsOffAtNineLocalTimeAcrossSpringForwardInParis() {
			assertThat(parisSpring.onCallAt(at("2026-03-29T08:59+02:00"))).isEqualTo("ana");
			assertThat(parisSpring.onCallAt(at("2026-03-29T09:00+02:00"))).isEqualTo("ben");
			// 07:30Z is 09:30 CEST: a fixed 24-hour cadence would still show ana until 08:00Z
			assertThat(parisSpring.onCallAt(at("2026-03-29T07:30Z"))).isEqualTo("ben");
		}

		@Test
		void shortensTheShiftSpanningSpringForwardByAnHour() {
			Rotation.Shift shift = parisSpring.shiftAt(at("2026-03-28T12:00+01:00"));
			assertThat(shift).isEqualTo(new Rotation.Shift("ana", at("2026-03-28T08:00Z"), at("2026-03-29T07:00Z"), false));
			assertThat(Duration.between(shift.from(), shift.to())).isEqualTo(Duration.ofHours(23));
		}

		// Paris, daily at 09:00 from 1 October: the 24th is day 23 (cem), the 25th day 24 (ana).
		private final Rotation parisAutumn = rotation(PARIS, "09:00", "2026-10-01", 1, List.of("ana", "ben", "cem"));

		@Test
		void handsOffAtNineLocalTimeAcrossFallBackInParis() {
			assertThat(parisAutumn.onCallAt(at("2026-10-25T08:59+01:00"))).isEqualTo("cem");
			assertThat(parisAutumn.onCallAt(at("2026-10-25T09:00+01:00"))).isEqualTo("ana");
			// 07:30Z is 08:30 CET: a fixed 24-hour cadence would have handed off at 07:00Z
			assertThat(parisAutumn.onCallAt(at("2026-10-25T07:30Z"))).isEqualTo("cem");
		}

		@Test
		void lengthensTheShiftSpanningFallBackByAnHour() {
			Rotation.Shift shift = parisAutumn.shiftAt(at("2026-10-24T12:00+02:00"));
			assertThat(shift).isEqualTo(new Rotation.Shift("cem", at("2026-10-24T07:00Z"), at("2026-10-25T08:00Z"), false));
			assertThat(Duration.between(shift.from(), shift.to())).isEqualTo(Duration.ofHours(25));
		}

		// New York, daily at 09:00 from 1 March: the 7th is day 6 (ana), the 8th day 7 (ben).
		private final Rotation newYorkSpring = rotation(NEW_YORK, "09:00", "2026-03-01", 1, List.of("ana", "ben", "cem"));

		@Test
		void handsOffAtNineLocalTimeAcrossSpringForwardInNewYork() {
			assertThat(newYorkSpring.onCallAt(at("2026-03-08T08:59-04:00"))).isEqualTo("ana");
			assertThat(newYorkSpring.onCallAt(at("2026-03-08T09:00-04:00"))).isEqualTo("ben");
			assertThat(newYorkSpring.shiftAt(at("2026-03-07T20:00-05:00")))
				.isEqualTo(new Rotation.Shift("ana", at("2026-03-07T14:00Z"), at("2026-03-08T13:00Z"), false));
		}

		// New York, daily at 09:00 from 1 October: the 31st is day 30 (ana), 1 November day 31 (ben).
		private final Rotation newYorkAutumn = rotation(NEW_YORK, "09:00", "2026-10-01", 1, List.of("ana", "ben", "cem"));

		@Test
		void handsOffAtNineLocalTimeAcrossFallBackInNewYork() {
			assertThat(newYorkAutumn.onCallAt(at("2026-11-01T08:59-05:00"))).isEqualTo("ana");
			assertThat(newYorkAutumn.onCallAt(at("2026-11-01T09:00-05:00"))).isEqualTo("ben");
			// 13:30Z is 08:30 EST, though it would be 09:30 under the October offset
			assertThat(newYorkAutumn.onCallAt(at("2026-11-01T13:30Z"))).isEqualTo("ana");
			assertThat(newYorkAutumn.shiftAt(at("2026-10-31T20:00-04:00")))
				.isEqualTo(new Rotation.Shift("ana", at("2026-10-31T13:00Z"), at("2026-11-01T14:00Z"), false));
		}

		// Paris, daily at 02:30 from 27 March: ana on the 27th, ben on the 28th, cem on the 29th, ana on the 30th.
		// On the 29th, 02:30 does not exist (02:00 CET jumps to 03:00 CEST), so that hand-off moves to 03:30 CEST.
		private final Rotation inTheGap = rotation(PARIS, "02:30", "2026-03-27", 1, List.of("ana", "ben", "cem"));

		@Test
		void movesAHandOffThatFallsInTheSpringForwardGapForwardByTheGap() {
			assertThat(inTheGap.onCallAt(at("2026-03-29T03:00+02:00"))).isEqualTo("ben");
			assertThat(inTheGap.onCallAt(at("2026-03-29T03:29+02:00"))).isEqualTo("ben");
			assertThat(inTheGap.onCallAt(at("2026-03-29T03:30+02:00"))).isEqualTo("cem");
		}

		@Test
		void endsAndStartsShiftsAtTheMovedHandOff() {
			assertThat(inTheGap.shiftAt(at("2026-03-28T12:00+01:00")))
				.isEqualTo(new Rotation.Shift("ben", at("2026-03-28T01:30Z"), at("2026-03-29T01:30Z"), false));
			assertThat(inTheGap.shiftAt(at("2026-03-29T12:00+02:00")))
				.isEqualTo(new Rotation.Shift("cem", at("2026-03-29T01:30Z"), at("2026-03-30T00:30Z"), false));
		}

		// Paris, daily at 02:30 from 23 October: ben on the 24th, cem on the 25th. On the 25th 02:30 happens
		// twice (00:30Z in CEST, 01:30Z in CET); the hand-off is at the first.
		private final Rotation inTheOverlap = rotation(PARIS, "02:30", "2026-10-23", 1, List.of("ana", "ben", "cem"));

		@Test
		void handsOffAtTheFirstOccurrenceOfARepeatedLocalTime() {
			assertThat(inTheOverlap.onCallAt(at("2026-10-25T02:29+02:00"))).isEqualTo("ben");
			assertThat(inTheOverlap.onCallAt(at("2026-10-25T02:30+02:00"))).isEqualTo("cem");
			assertThat(inTheOverlap.onCallAt(at("2026-10-25T02:30+01:00"))).isEqualTo("cem");
		}
	}

	@Nested
	class LongerShifts {

		// Paris, weekly on Mondays at 09:00 from 5 January. 30 March is 84 days (12 weeks) later:
		// turn 12 is ana, turn 11 (from 23 March) is dia.
		private final Rotation weekly = rotation(PARIS, "09:00", "2026-01-05", HumanDuration.days("7d"),
				List.of("ana", "ben", "cem", "dia"));

		@Test
		void readsWeeksAndDaysAsWholeDays() {
			assertThat(HumanDuration.days("7d")).isEqualTo(7);
			assertThat(HumanDuration.days("1w")).isEqualTo(7);
			assertThat(HumanDuration.days("2w")).isEqualTo(14);
		}

		@Test
		void doesNotHandOffOnOtherDaysOfTheWeek() {
			assertThat(weekly.onCallAt(at("2026-03-25T08:59+01:00"))).isEqualTo("dia");
			assertThat(weekly.onCallAt(at("2026-03-25T09:01+01:00"))).isEqualTo("dia");
		}

		@Test
		void handsOffWeeklyOnTheStartWeekday() {
			assertThat(weekly.onCallAt(at("2026-03-30T08:59+02:00"))).isEqualTo("dia");
			assertThat(weekly.onCallAt(at("2026-03-30T09:00+02:00"))).isEqualTo("ana");
		}

		@Test
		void reportsAWeekSpanningSpringForwardAsAnHourShort() {
			assertThat(weekly.shiftAt(at("2026-03-29T12:00Z")))
				.isEqualTo(new Rotation.Shift("dia", at("2026-03-23T08:00Z"), at("2026-03-30T07:00Z"), false));
		}

		// New York, every two weeks on Mondays at 09:00 from 5 January. 26 October is day 294 = turn 21 (ben),
		// 9 November is day 308 = turn 22 (ana); that fortnight spans the 1 November fall-back.
		private final Rotation fortnightly = rotation(NEW_YORK, "09:00", "2026-01-05", HumanDuration.days("2w"),
				List.of("ana", "ben"));

		@Test
		void handsOffEveryTwoWeeks() {
			assertThat(fortnightly.onCallAt(at("2026-10-26T08:59-04:00"))).isEqualTo("ana");
			assertThat(fortnightly.onCallAt(at("2026-10-26T09:00-04:00"))).isEqualTo("ben");
			assertThat(fortnightly.onCallAt(at("2026-11-02T09:00-05:00"))).isEqualTo("ben");
			assertThat(fortnightly.onCallAt(at("2026-11-09T08:59-05:00"))).isEqualTo("ben");
			assertThat(fortnightly.onCallAt(at("2026-11-09T09:00-05:00"))).isEqualTo("ana");
		}

		@Test
		void reportsAFortnightSpanningFallBackAsAnHourLong() {
			Rotation.Shift shift = fortnightly.shiftAt(at("2026-11-01T12:00Z"));
			assertThat(shift).isEqualTo(new Rotation.Shift("ben", at("2026-10-26T13:00Z"), at("2026-11-09T14:00Z"), false));
			assertThat(Duration.between(shift.from(), shift.to())).isEqualTo(Duration.ofDays(14).plusHours(1));
		}
	}

	@Nested
	class BeforeStart {

		@Test
		void runsADailyScheduleBackwardsBeforeItsStart() {
			// 5 January is ana, so the 4th is cem, the 3rd ben, the 2nd ana, the 1st cem, 31 December ben
			Rotation daily = rotation(PARIS, "09:00", "2026-01-05", 1, List.of("ana", "ben", "cem"));
			assertThat(daily.onCallAt(at("2026-01-05T08:59+01:00"))).isEqualTo("cem");
			assertThat(daily.onCallAt(at("2026-01-01T12:00+01:00"))).isEqualTo("cem");
			assertThat(daily.onCallAt(at("2025-12-31T12:00+01:00"))).isEqualTo("ben");
		}

		@Test
		void runsAWeeklyScheduleBackwardsBeforeItsStart() {
			Rotation weekly = rotation(PARIS, "09:00", "2026-01-05", 7, List.of("ana", "ben", "cem", "dia"));
			assertThat(weekly.shiftAt(at("2025-12-31T12:00Z")))
				.isEqualTo(new Rotation.Shift("dia", at("2025-12-29T08:00Z"), at("2026-01-05T08:00Z"), false));
			// the week of 30 December 2024 is 371 days = 53 weeks earlier: turn -53, which is dia again
			assertThat(weekly.onCallAt(at("2025-01-01T12:00Z"))).isEqualTo("dia");
			// and 52 weeks earlier (week of 6 January 2025) is a multiple of four: ana
			assertThat(weekly.onCallAt(at("2025-01-08T12:00Z"))).isEqualTo("ana");
		}

		@Test
		void runsAFortnightlyScheduleBackwardsBeforeItsStart() {
			Rotation fortnightly = rotation(NEW_YORK, "09:00", "2026-01-05", 14, List.of("ana", "ben", "cem"));
			// 22 December to 5 January is turn -1 (cem), 8 to 22 December turn -2 (ben)
			assertThat(fortnightly.onCallAt(at("2025-12-25T12:00Z"))).isEqualTo("cem");
			assertThat(fortnightly.onCallAt(at("2025-12-20T12:00Z"))).isEqualTo("ben");
			assertThat(fortnightly.shiftAt(at("2025-12-25T12:00Z")).from()).isEqualTo(at("2025-12-22T14:00Z"));
		}
	}

	@Nested
	class Overrides {

		// Paris, daily at 09:00 from 5 January: 12 January is day 7 (ben), the 13th day 8 (cem).
		private static final List<String> MEMBERS = List.of("ana", "ben", "cem");

		private final Rotation covered = rotation(PARIS, "09:00", "2026-01-05", 1, MEMBERS,
				override("dia", "2026-01-12T18:00", "2026-01-13T12:00"));

		@Test
		void givesTheOverridePersonInsideTheOverride() {
			assertThat(covered.shiftAt(at("2026-01-12T20:00+01:00")))
				.isEqualTo(new Rotation.Shift("dia", at("2026-01-12T17:00Z"), at("2026-01-13T11:00Z"), true));
		}

		@Test
		void startsTheOverrideAtItsFromTimeInclusive() {
			assertThat(covered.onCallAt(at("2026-01-12T17:59+01:00"))).isEqualTo("ben");
			assertThat(covered.onCallAt(at("2026-01-12T18:00+01:00"))).isEqualTo("dia");
		}

		@Test
		void endsTheOverrideAtItsToTimeExclusive() {
			assertThat(covered.onCallAt(at("2026-01-13T11:59+01:00"))).isEqualTo("dia");
			assertThat(covered.shiftAt(at("2026-01-13T12:00+01:00")).person()).isEqualTo("cem");
			assertThat(covered.shiftAt(at("2026-01-13T12:00+01:00")).override()).isFalse();
		}

		@Test
		void coversAScheduledHandOffInsideTheOverride() {
			assertThat(covered.onCallAt(at("2026-01-13T09:00+01:00"))).isEqualTo("dia");
		}

		@Test
		void endsTheScheduledShiftWhereAnOverrideTakesOver() {
			assertThat(covered.shiftAt(at("2026-01-12T12:00+01:00")))
				.isEqualTo(new Rotation.Shift("ben", at("2026-01-12T08:00Z"), at("2026-01-12T17:00Z"), false));
		}

		@Test
		void startsTheScheduledShiftWhereAnOverrideGivesBack() {
			assertThat(covered.shiftAt(at("2026-01-13T13:00+01:00")))
				.isEqualTo(new Rotation.Shift("cem", at("2026-01-13T11:00Z"), at("2026-01-14T08:00Z"), false));
		}

		@Test
		void leavesTheScheduleAloneOutsideOverrides() {
			assertThat(covered.scheduledShiftAt(at("2026-01-12T20:00+01:00")))
				.isEqualTo(new Rotation.Shift("ben", at("2026-01-12T08:00Z"), at("2026-01-13T08:00Z"), false));
		}

		// Listed order: dia 18:00-12:00 next day, then eli 22:00-02:00, then fay 10:00-23:00 (listed last).
		private final Rotation overlapping = rotation(PARIS, "09:00", "2026-01-05", 1, MEMBERS,
				override("dia", "2026-01-12T18:00", "2026-01-13T12:00"),
				override("eli", "2026-01-12T22:00", "2026-01-13T02:00"),
				override("fay", "2026-01-12T10:00", "2026-01-12T23:00"));

		@Test
		void letsTheLastListedOverrideWinWhereOverridesOverlap() {
			assertThat(overlapping.onCallAt(at("2026-01-12T09:30+01:00"))).isEqualTo("ben");
			assertThat(overlapping.onCallAt(at("2026-01-12T20:00+01:00"))).isEqualTo("fay");
			assertThat(overlapping.onCallAt(at("2026-01-12T22:30+01:00"))).isEqualTo("fay");
			assertThat(overlapping.onCallAt(at("2026-01-12T23:30+01:00"))).isEqualTo("eli");
			assertThat(overlapping.onCallAt(at("2026-01-13T03:00+01:00"))).isEqualTo("dia");
			assertThat(overlapping.onCallAt(at("2026-01-13T12:00+01:00"))).isEqualTo("cem");
		}

		@Test
		void reportsEachOverlappingOverrideOnlyWhereItWins() {
			assertThat(overlapping.shiftAt(at("2026-01-12T09:30+01:00")))
				.isEqualTo(new Rotation.Shift("ben", at("2026-01-12T08:00Z"), at("2026-01-12T09:00Z"), false));
			assertThat(overlapping.shiftAt(at("2026-01-12T20:00+01:00")))
				.isEqualTo(new Rotation.Shift("fay", at("2026-01-12T09:00Z"), at("2026-01-12T22:00Z"), true));
			assertThat(overlapping.shiftAt(at("2026-01-12T23:30+01:00")))
				.isEqualTo(new Rotation.Shift("eli", at("2026-01-12T22:00Z"), at("2026-01-13T01:00Z"), true));
			assertThat(overlapping.shiftAt(at("2026-01-13T03:00+01:00")))
				.isEqualTo(new Rotation.Shift("dia", at("2026-01-13T01:00Z"), at("2026-01-13T11:00Z"), true));
		}

		@Test
		void holdsTheReportedPersonThroughoutEveryReportedShift() {
			Instant end = at("2026-01-15T00:00Z");
			for (Instant t = at("2026-01-11T00:00Z"); t.isBefore(end); t = t.plus(Duration.ofMinutes(30))) {
				Rotation.Shift shift = overlapping.shiftAt(t);
				assertThat(shift.from()).as("from at %s", t).isBeforeOrEqualTo(t);
				assertThat(shift.to()).as("to at %s", t).isAfter(t);
				assertThat(overlapping.onCallAt(shift.from())).as("person at from of %s", shift).isEqualTo(shift.person());
				assertThat(overlapping.onCallAt(shift.to().minusNanos(1))).as("person just before to of %s", shift)
					.isEqualTo(shift.person());
			}
		}

		@Test
		void readsOverrideTimesAsLocalTimesAcrossSpringForward() {
			// 01:00 is CET (00:00Z), 05:00 is CEST (03:00Z): four local hours, three real ones
			Rotation rotation = rotation(PARIS, "09:00", "2026-03-01", 1, MEMBERS,
					override("dia", "2026-03-29T01:00", "2026-03-29T05:00"));
			assertThat(rotation.shiftAt(at("2026-03-29T02:00Z")))
				.isEqualTo(new Rotation.Shift("dia", at("2026-03-29T00:00Z"), at("2026-03-29T03:00Z"), true));
		}
	}

	@Test
	void refusesARotationWithoutMembers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rotation(PARIS, "09:00", "2026-01-05", 1, List.of()));
	}

	@Test
	void refusesARotationShorterThanADay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rotation(PARIS, "09:00", "2026-01-05", 0, List.of("ana")));
	}
}
