import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWidgetScriptReader } from '../../src/proxy/widget-script';
import { tempDir } from './fixtures';

describe('createWidgetScriptReader()', () => {
  it('reads nothing until the script is built, then serves it', () => {
    const path = join(tempDir(), 'survey_widget.js');
    const read = createWidgetScriptReader(path);
    expect(read()).toBeUndefined();
    writeFileSync(path, 'v1');
    expect(read()).toBe('v1');
  });

  it('serves a rebuild without a restart', () => {
    const path = join(tempDir(), 'survey_widget.js');
    writeFileSync(path, 'v1');
    const read = createWidgetScriptReader(path);
    expect(read()).toBe('v1');
    writeFileSync(path, 'v2');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(read()).toBe('v2');
  });

  it('stops serving a script that was deleted', () => {
    const path = join(tempDir(), 'survey_widget.js');
    writeFileSync(path, 'v1');
    const read = createWidgetScriptReader(path);
    read();
    rmSync(path);
    expect(read()).toBeUndefined();
  });
});
