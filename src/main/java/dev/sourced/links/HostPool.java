package dev.sourced.links;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs tasks with two bounds: at most {@code overall} at once, and at most {@code perHost} at once
 * for one host. A task waiting for its host never holds a thread: each host has its own queue, and
 * a task starts only when both bounds allow it, taking hosts in turn so that one host with many
 * addresses does not keep the others waiting. A site's check then takes about as long as its
 * slowest host's queue, not the sum of its addresses.
 */
final class HostPool {
  private final int overall;
  private final int perHost;
  private final Map<String, ArrayDeque<Runnable>> queues = new LinkedHashMap<>();
  private final Map<String, Integer> running = new LinkedHashMap<>();
  private final List<String> turn = new ArrayList<>();
  private int next;
  private int active;

  HostPool(int overall, int perHost) {
    this.overall = overall;
    this.perHost = perHost;
  }

  /** A task and the host (name and port) it talks to. */
  record Task(String host, Runnable work) {}

  /** Runs every task and returns when all have finished. */
  void runAll(List<Task> tasks) throws InterruptedException {
    if (tasks.isEmpty()) return;
    CountDownLatch done = new CountDownLatch(tasks.size());
    ExecutorService threads =
        Executors.newFixedThreadPool(
            Math.min(overall, tasks.size()),
            r -> {
              Thread t = new Thread(r, "sourced-links");
              t.setDaemon(true);
              return t;
            });
    try {
      synchronized (this) {
        for (Task t : tasks) {
          queues
              .computeIfAbsent(
                  t.host(),
                  h -> {
                    turn.add(h);
                    return new ArrayDeque<>();
                  })
              .add(
                  () -> {
                    try {
                      t.work().run();
                    } finally {
                      finished(t.host(), threads);
                      done.countDown();
                    }
                  });
        }
        startWhatFits(threads);
      }
      done.await();
    } finally {
      threads.shutdownNow();
    }
  }

  private synchronized void finished(String host, ExecutorService threads) {
    active--;
    running.merge(host, -1, Integer::sum);
    startWhatFits(threads);
  }

  /** Starts queued tasks, host by host in turn, while both bounds allow. */
  private void startWhatFits(ExecutorService threads) {
    int idle = 0;
    while (active < overall && !turn.isEmpty() && idle < turn.size()) {
      if (next >= turn.size()) next = 0;
      String host = turn.get(next);
      ArrayDeque<Runnable> q = queues.get(host);
      if (q.isEmpty()) {
        turn.remove(next);
        queues.remove(host);
        continue;
      }
      if (running.getOrDefault(host, 0) >= perHost) {
        next++;
        idle++;
        continue;
      }
      idle = 0;
      active++;
      running.merge(host, 1, Integer::sum);
      threads.execute(q.poll());
      next++;
    }
  }
}
