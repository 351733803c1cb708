package org.alliance.bench;

import java.util.concurrent.TimeUnit;
import org.alliance.stats.sequence.Participation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Participation figures (turns, speaking time, overlap per actor) of a coded meeting with {@code events} turns of
 * three actors, each 1.5 s long and starting every second (so every turn overlaps the next): the load of
 * {@code alliance observe stats} and of the coding summary page. The target is well under a second for 10 000
 * events; this replaces the timed unit test that used to check it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class ParticipationBenchmark {

    @Param({"10000", "100000"})
    int events;

    int[] actors;
    long[] onsets;
    long[] offsets;

    @Setup
    public void events() {
        actors = new int[events];
        onsets = new long[events];
        offsets = new long[events];
        for (int i = 0; i < events; i++) {
            actors[i] = i % 3;
            onsets[i] = i * 1000L;
            offsets[i] = onsets[i] + 1500;
        }
    }

    @Benchmark
    public Participation.Result compute() {
        return Participation.compute(actors, onsets, offsets, 3, 0);
    }
}
