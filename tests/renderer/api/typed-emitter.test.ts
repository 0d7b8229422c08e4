/**
 * The renderer's one listener list (renderer/src/api/typed-emitter.ts): who hears an event, in what
 * order, and what an unsubscribe or a throwing listener does to the others.
 */
import { describe, expect, it } from 'vitest';
import { createTypedEmitter } from '../../../renderer/src/api/typed-emitter';

interface Events {
  change: void;
  saved: { readonly id: string };
}

describe('a typed emitter', () => {
  it('hands each listener of an event its payload, in the order they subscribed', () => {
    const emitter = createTypedEmitter<Events>();
    const heard: string[] = [];
    emitter.on('saved', ({ id }) => heard.push(`first ${id}`));
    emitter.on('saved', ({ id }) => heard.push(`second ${id}`));
    emitter.on('change', () => heard.push('change'));
    emitter.emit('saved', { id: 'a1' });
    expect(heard).toEqual(['first a1', 'second a1']);
    emitter.emit('change');
    expect(heard).toEqual(['first a1', 'second a1', 'change']);
  });

  it('stops calling a listener once unsubscribed; a second unsubscribe changes nothing', () => {
    const emitter = createTypedEmitter<Events>();
    let calls = 0;
    const off = emitter.on('change', () => calls++);
    emitter.on('change', () => calls++);
    emitter.emit('change');
    off();
    off();
    emitter.emit('change');
    expect(calls).toBe(3);
    expect(emitter.listenerCount('change')).toBe(1);
  });

  it('counts each subscription, so the same function twice is called twice and removed once per unsubscribe', () => {
    const emitter = createTypedEmitter<Events>();
    let calls = 0;
    const listener = () => calls++;
    const offFirst = emitter.on('change', listener);
    emitter.on('change', listener);
    emitter.emit('change');
    expect(calls).toBe(2);
    offFirst();
    emitter.emit('change');
    expect(calls).toBe(3);
  });

  it('reaches in an emit only the listeners subscribed when it began, and none removed before their turn', () => {
    const emitter = createTypedEmitter<Events>();
    const heard: string[] = [];
    let offLast = () => {};
    emitter.on('change', () => {
      heard.push('first');
      emitter.on('change', () => heard.push('added'));
      offLast();
    });
    offLast = emitter.on('change', () => heard.push('removed'));
    emitter.emit('change');
    expect(heard).toEqual(['first']);
    emitter.emit('change');
    expect(heard).toEqual(['first', 'first', 'added']);
  });

  it('lets the other listeners hear an event when one throws, then throws that error', () => {
    const emitter = createTypedEmitter<Events>();
    const heard: string[] = [];
    emitter.on('change', () => {
      throw new Error('broken listener');
    });
    emitter.on('change', () => heard.push('after'));
    expect(() => emitter.emit('change')).toThrow('broken listener');
    expect(heard).toEqual(['after']);
  });

  it('counts listeners per event and in all', () => {
    const emitter = createTypedEmitter<Events>();
    expect(emitter.listenerCount()).toBe(0);
    const off = emitter.on('saved', () => {});
    emitter.on('change', () => {});
    expect(emitter.listenerCount('saved')).toBe(1);
    expect(emitter.listenerCount()).toBe(2);
    off();
    expect(emitter.listenerCount()).toBe(1);
    emitter.emit('saved', { id: 'nobody listens' });
  });
});
