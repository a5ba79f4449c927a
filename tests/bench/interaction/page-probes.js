// Installed in the page by the interaction benchmark (addInitScript): finds a notebook's controls
// and figures, moves controls as a learner would, and times until figures are redrawn.
// Plain JavaScript: it runs in the page as written.
(() => {
  const CELL = '[data-cell]';
  const FIGURE = '.figure:not(.figure-loading)';

  // Long tasks and the first figure drawn, from the start of the page (the first-visit figures).
  const marks = { longTasks: [], firstFigureAt: undefined, proseAt: undefined, pictureAt: undefined };
  // Added to the page by the server (site.ts's probed.html) in a browser nothing drives: there
  // the marks are posted to it once both are in (unwatched-visits.ts).
  const reportTo = document.currentScript?.dataset.report;
  const report = () => {
    if (!reportTo || !(marks.proseAt > 0 && marks.firstFigureAt > 0)) return;
    // A moment later: the long-task observer hears of the task that drew the figure after this frame.
    setTimeout(() => void fetch(reportTo, { method: 'POST', body: JSON.stringify({ ...marks, width: innerWidth }) }), 200);
  };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the report says 0.
  }
  new MutationObserver((_, observer) => {
    if (marks.proseAt === undefined && document.querySelector('.prose')?.textContent) {
      marks.proseAt = -1;
      requestAnimationFrame(() => {
        marks.proseAt = performance.now();
        report();
      });
    }
    if (marks.firstFigureAt === undefined && document.querySelector(`${FIGURE}[data-drawn] .main-svg`)) {
      marks.firstFigureAt = -1;
      requestAnimationFrame(() => {
        marks.firstFigureAt = performance.now();
        report();
      });
    }
    // A figure's picture from the last visit (LastPictures.tsx), standing in until it is drawn: once decoded and painted.
    const picture = document.querySelector('.last-picture');
    if (marks.pictureAt === undefined && picture) {
      marks.pictureAt = -1;
      void picture.decode().then(
        () => requestAnimationFrame(() => (marks.pictureAt = performance.now())),
        () => (marks.pictureAt = undefined),
      );
    }
    if (marks.proseAt !== undefined && marks.firstFigureAt !== undefined) observer.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true });

  const cells = () => [...document.querySelectorAll(CELL)];
  const cellOf = (element) => Number(element.closest(CELL)?.getAttribute('data-cell'));
  const figures = () => [...document.querySelectorAll(FIGURE)];
  /** A figure's name that survives re-renders: its cell and its place among the cell's figures. */
  const figureKey = (figure) => `${cellOf(figure)}.${[...figure.closest(CELL).querySelectorAll(FIGURE)].indexOf(figure)}`;
  const figureByKey = (key) => figures().find((figure) => figureKey(figure) === key);
  const upToDate = (figure) => figure.dataset.latest !== undefined && figure.dataset.drawn === figure.dataset.latest;
  const cellsIdle = () => cells().every((cell) => !['queued', 'running'].includes(cell.getAttribute('data-state')));
  // A live() value going on after its cell finished keeps the kernel busy (the toolbar's status).
  const kernelIdle = () => !document.querySelector('.kernel-status.kernel-busy') && cellsIdle();
  const cellDone = (figure) => ['done', 'error'].includes(figure.closest(CELL)?.getAttribute('data-state'));
  const inViewport = (element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.height > 0;
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  /** Resolves with the time the predicate first holds (checked on every DOM change and every 20 ms), or rejects after `timeoutMs`. */
  const until = (predicate, timeoutMs, what) =>
    new Promise((resolve, reject) => {
      const check = () => {
        let ok = false;
        try {
          ok = predicate();
        } catch {
          ok = false;
        }
        if (!ok) return;
        stop();
        resolve(performance.now());
      };
      const observer = new MutationObserver(check);
      const poll = setInterval(check, 20);
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const stop = () => {
        observer.disconnect();
        clearInterval(poll);
        clearTimeout(timer);
      };
      observer.observe(document, { subtree: true, attributes: true, childList: true });
      check();
    });

  /** Every control of the page: its cell, its place in the cell, its kind, and a label for the report. */
  const controls = () =>
    [...document.querySelectorAll(`${CELL} .control`)].map((element) => {
      const type = [...element.classList].find((c) => c.startsWith('control-'))?.slice('control-'.length) ?? 'unknown';
      const cell = cellOf(element);
      const index = [...element.closest(CELL).querySelectorAll('.control')].indexOf(element);
      const label = element.querySelector('.control-label')?.textContent?.trim() || element.textContent?.trim() || type;
      return { cell, index, type, label };
    });
  const controlElement = (control) => document.querySelectorAll(`[data-cell="${control.cell}"] .control`)[control.index];

  /** A new value for the control, different from its current one, spread over its range as moves go on. */
  const move = (control, i) => {
    const element = controlElement(control);
    if (!element) throw new Error(`control ${control.label} (cell ${control.cell}) is gone`);
    const fire = (input, type) => input.dispatchEvent(new Event(type, { bubbles: true }));
    // A direction is moved by its angle slider, as a keyboard user would.
    if (control.type === 'slider' || control.type === 'stepper' || control.type === 'direction') {
      const input = element.querySelector('input[type="range"]');
      const min = Number(input.min), max = Number(input.max), step = Number(input.step) || (max - min) / 100;
      const positions = Math.round((max - min) / step);
      const current = Math.round((Number(input.value) - min) / step);
      let next = Math.round(positions * ((0.37 * (i + 1)) % 1));
      if (next === current) next = current === positions ? current - 1 : current + 1;
      input.value = String(min + next * step);
      fire(input, 'input');
    } else if (control.type === 'number') {
      const input = element.querySelector('input');
      const step = Number(input.step) || 0;
      const value = Number(input.value);
      const delta = step > 0 ? step : Math.max(Math.abs(value) * 0.1, 1e-3);
      let next = value + (i % 2 === 0 ? delta : -delta);
      if (input.max !== '' && next > Number(input.max)) next = value - delta;
      if (input.min !== '' && next < Number(input.min)) next = value + delta;
      input.value = String(Number(next.toPrecision(12)));
      fire(input, 'change');
    } else if (control.type === 'point' || control.type === 'points') {
      // A figure input moved through its cell's first x box: the same value a drag on the figure sets.
      const input = element.querySelector('input[type="number"]');
      input.value = String(Number((Number(input.value) + (i % 2 === 0 ? 0.25 : -0.25)).toPrecision(6)));
      fire(input, 'change');
    } else if (control.type === 'select') {
      const select = element.querySelector('select');
      select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
      fire(select, 'change');
    } else if (control.type === 'checkbox') {
      element.querySelector('input').click();
    } else if (control.type === 'button') {
      element.querySelector('button').click();
    } else {
      throw new Error(`unknown control kind ${control.type}`);
    }
  };

  /** What the control is set to now, to set it back after it was measured (a button has no state). */
  const valueOf = (control) => {
    const element = controlElement(control);
    const input = element?.querySelector('select, input');
    if (!input) return null;
    return input.type === 'checkbox' ? input.checked : input.tagName === 'SELECT' ? input.selectedIndex : input.value;
  };

  /**
   * Sets a control back to a value valueOf gave and waits for the notebook to settle, so that each
   * control is measured from the notebook's defaults, one change at a time as a learner makes them
   * (not with every control measured before it left at its last, perhaps costliest, value).
   */
  const restore = async (control, value) => {
    const element = controlElement(control);
    const input = element?.querySelector('select, input');
    if (value === null || !input || valueOf(control) === value) return;
    if (input.type === 'checkbox') input.click();
    else if (input.tagName === 'SELECT') {
      input.selectedIndex = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      input.value = value;
      input.dispatchEvent(new Event(input.type === 'range' ? 'input' : 'change', { bubbles: true }));
    }
    await settle(120_000);
  };

  /** Waits until no cell is queued or running and every figure shows its latest data (off-screen ones too). */
  const settle = async (timeoutMs = 30_000) => {
    await frame();
    await until(() => kernelIdle() && !document.querySelector('.figure-loading') && figures().every(upToDate), timeoutMs, 'the notebook to settle');
  };

  /** Waits for the notebook's first run: every cell done or failed, every figure drawn. */
  const loaded = async (timeoutMs) => {
    await until(() => cells().length > 0 && cells().every((cell) => ['done', 'error'].includes(cell.getAttribute('data-state'))), timeoutMs, 'the first run');
    await settle(timeoutMs);
  };

  /** Versions of every figure's latest data, by key. */
  const versions = () => Object.fromEntries(figures().map((figure) => [figureKey(figure), figure.dataset.latest]));

  /** Moves the control once, waits for everything to settle, and says which figures got new data. */
  const discover = async (control) => {
    const before = versions();
    move(control, 0);
    await settle();
    const after = versions();
    return Object.keys(after).filter((key) => after[key] !== before[key]);
  };

  /** Puts the figure the control drives in the middle of the viewport, and waits for the page to be still. */
  const show = async (key) => {
    figureByKey(key)?.scrollIntoView({ block: 'center' });
    await frame();
    await settle();
    await frame();
  };

  /**
   * Times one move: until every figure it drives on screen first shows the new data (the
   * learner sees the response: for a cell that trains live, its first frame), and until those
   * figures' cells are done too (settled); and, when the first of them drew more than two frames
   * until the kernel was idle (a live training), their rate from the first to the last.
   */
  const timeMove = async (control, driven, i) => {
    const visible = driven.map(figureByKey).filter((figure) => figure && inViewport(figure));
    const before = new Map(visible.map((figure) => [figure, figure.dataset.latest]));
    // A move may leave a figure as it was (k-means: "placed by hand" starts where "random" does),
    // and then the kernel skips its cell: the move is over once the kernel, seen busy, is idle again.
    let sawBusy = false;
    const busy = new MutationObserver(() => (sawBusy ||= !kernelIdle()));
    busy.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    // A cell that trains live redraws its figure as it goes: how often, until its cells are done.
    const draws = visible.length > 0 ? countDraws(figureKey(visible[0])) : undefined;
    const t0 = performance.now();
    move(control, i);
    sawBusy ||= !kernelIdle();
    let firstMs;
    try {
      if (visible.length === 0) {
        await frame();
        await until(kernelIdle, 30_000, `cells after moving ${control.label}`);
      } else {
        // A figure the move took away (a box unticked that showed it) is done once the kernel is idle.
        const gone = (figure) => !figure.isConnected && kernelIdle();
        const shown = (figure) => figure.isConnected && figure.dataset.latest !== before.get(figure) && upToDate(figure);
        const leftAsTheyWere = () => sawBusy && kernelIdle() && visible.every((figure) => gone(figure) || (upToDate(figure) && cellDone(figure)));
        await until(() => visible.every((figure) => gone(figure) || shown(figure)) || leftAsTheyWere(), 30_000, `figures after moving ${control.label}`);
        await frame();
        firstMs = performance.now() - t0;
        const redrawn = () => visible.every((figure) => gone(figure) || (figure.isConnected && upToDate(figure) && cellDone(figure)));
        await until(() => redrawn() || leftAsTheyWere(), 60_000, `the cells of the figures after moving ${control.label}`);
      }
    } finally {
      busy.disconnect();
    }
    await frame();
    const settledMs = performance.now() - t0;
    // A live value goes on after its cells are done (the kernel stays busy): its frames until it ends.
    if (draws) await until(kernelIdle, 60_000, `the live values after moving ${control.label}`);
    const drawn = draws?.stop() ?? [];
    const framesPerSecond = drawn.length > 2 ? (drawn.length - 1) / ((drawn[drawn.length - 1] - drawn[0]) / 1000) : undefined;
    return { firstMs: firstMs ?? settledMs, settledMs, framesPerSecond };
  };

  /** Plays a stepper from step 0 for `ms`: frames due (by its interval) and frames the figure drew. */
  const play = async (control, key, ms) => {
    const element = controlElement(control);
    const input = element.querySelector('input[type="range"]');
    if (input.value !== '0') {
      input.value = '0';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await show(key);
    const intervalMs = Number(element.querySelector('.stepper').dataset.intervalMs);
    const steps = Number(input.max);
    const draws = countDraws(key);
    // Found again for the clicks: a re-run of the stepper's cell may have built its row anew.
    controlElement(control).querySelector('button[aria-label="Play"]').click();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const drawn = draws.stop().length;
    controlElement(control).querySelector('button[aria-label="Pause"]')?.click();
    await settle();
    return { intervalMs, due: Math.min(Math.floor(ms / intervalMs), steps), drawn };
  };

  /**
   * When the figure `key` is drawn, even if its element is replaced on the way: watched on the
   * whole page and told apart by key, since a re-run may build the figure or its cell anew.
   */
  const countDraws = (key) => {
    const draws = [];
    const observer = new MutationObserver((mutations) => {
      if (mutations.some((m) => m.target.matches?.(FIGURE) && m.target.isConnected && figureKey(m.target) === key)) draws.push(performance.now());
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
    return { stop: () => (observer.disconnect(), draws) };
  };

  /**
   * Drags a slider across its range with input events at 60 Hz for `ms`: how often the figure
   * redrew meanwhile, and the lag after the last event until the figure showed its value.
   */
  const drag = async (control, key, ms) => {
    const input = controlElement(control).querySelector('input[type="range"]');
    await show(key);
    const watch = countDraws(key);
    const min = Number(input.min), max = Number(input.max), step = Number(input.step) || (max - min) / 100;
    const positions = Math.round((max - min) / step);
    const start = performance.now();
    let events = 0;
    let last = start;
    while (performance.now() - start < ms) {
      const phase = ((performance.now() - start) / ms) * 2; // there and back
      const position = Math.round(positions * (phase <= 1 ? phase : 2 - phase));
      // A learner's pointer stays on the slider it grabbed; if a re-run replaced it, the drag is
      // over for them, so say so rather than move a fresh one they never touched.
      if (!input.isConnected) throw new Error(`the slider ${control.label} was rebuilt mid-drag (its cell's re-run replaced it)`);
      input.value = String(min + position * step);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      events++;
      last = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 1000 / 60 - ((performance.now() - start) % (1000 / 60))));
    }
    // The figure shows the last value: for a live value, its first frame (the training it
    // started goes on after, and is not lag).
    const settled = () => {
      const figure = figureByKey(key);
      return figure !== undefined && cellsIdle() && upToDate(figure) && cellDone(figure);
    };
    const settledAt = await until(settled, 30_000, `the figure after dragging ${control.label}`);
    await frame();
    const draws = watch.stop();
    const during = draws.filter((t) => t <= last);
    const gaps = during.slice(1).map((t, i) => t - during[i]);
    gaps.sort((a, b) => a - b);
    return { events, drawsDuring: during.length, medianGapMs: gaps.length ? gaps[Math.floor(gaps.length / 2)] : Number.NaN, maxGapMs: gaps.length ? gaps[gaps.length - 1] : Number.NaN, releaseLagMs: performance.now() - last, settledAfterMs: settledAt - last };
  };

  window.__bench = { marks, controls, loaded, settle, discover, show, timeMove, play, drag, valueOf, restore, figureCount: () => figures().length };
})();
