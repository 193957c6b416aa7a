package io.slotline.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void countStaysWithinFiveStandardDeviationsOfRateTimesSpan() {
        ArrivalSchedule schedule = ArrivalSchedule.poisson(5.0, Duration.ofSeconds(2000), 42);

        // Poisson: mean 10000, standard deviation 100
        assertThat(schedule.size()).isBetween(9500, 10500);
    }

    @Test
    void arrivalsAreMonotonicAndInsideTheSpan() {
        ArrivalSchedule schedule = ArrivalSchedule.poisson(20.0, Duration.ofSeconds(60), 7);

        for (int i = 1; i < schedule.size(); i++) {
            assertThat(schedule.offsetNanos(i)).isGreaterThanOrEqualTo(schedule.offsetNanos(i - 1));
        }
        assertThat(schedule.offsetNanos(0)).isGreaterThanOrEqualTo(0);
        assertThat(schedule.offsetNanos(schedule.size() - 1))
                .isLessThan(Duration.ofSeconds(60).toNanos());
    }

    @Test
    void meanGapIsOneOverTheRate() {
        ArrivalSchedule schedule = ArrivalSchedule.poisson(4.0, Duration.ofSeconds(5000), 1);

        double meanGapSeconds = schedule.offsetNanos(schedule.size() - 1) / 1e9 / (schedule.size() - 1);
        // 20000 exponential gaps of mean 0.25 s: relative standard error ~0.7 %
        assertThat(meanGapSeconds).isBetween(0.24, 0.26);
        // exponential gaps: coefficient of variation 1, unlike a fixed-rate ticker
        double sum = 0;
        double sumSq = 0;
        for (int i = 1; i < schedule.size(); i++) {
            double gap = (schedule.offsetNanos(i) - schedule.offsetNanos(i - 1)) / 1e9;
            sum += gap;
            sumSq += gap * gap;
        }
        int n = schedule.size() - 1;
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertThat(sd / mean).isBetween(0.95, 1.05);
    }

    @Test
    void sameSeedSameScheduleOtherSeedOtherSchedule() {
        ArrivalSchedule a = ArrivalSchedule.poisson(2.0, Duration.ofSeconds(30), 99);
        ArrivalSchedule b = ArrivalSchedule.poisson(2.0, Duration.ofSeconds(30), 99);
        ArrivalSchedule c = ArrivalSchedule.poisson(2.0, Duration.ofSeconds(30), 100);

        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.offsetNanos(i)).isEqualTo(b.offsetNanos(i));
        }
        assertThat(c.offsetNanos(0)).isNotEqualTo(a.offsetNanos(0));
    }

    @Test
    void countsCallsAfterTheWarmUp() {
        ArrivalSchedule schedule = ArrivalSchedule.poisson(10.0, Duration.ofSeconds(100), 3);
        long warmup = Duration.ofSeconds(10).toNanos();
        int expected = 0;
        for (int i = 0; i < schedule.size(); i++) {
            if (schedule.offsetNanos(i) >= warmup) {
                expected++;
            }
        }

        assertThat(schedule.countAtOrAfter(warmup)).isEqualTo(expected).isLessThan(schedule.size());
    }

    @Test
    void rejectsNonPositiveRate() {
        assertThatThrownBy(() -> ArrivalSchedule.poisson(0, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
