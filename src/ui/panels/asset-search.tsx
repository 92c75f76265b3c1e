/**
 * Find an asset by name and open it in the inspector: the keyboard route to everything a mouse
 * user reaches by clicking markers. Options read "Name — kind (id)" so names that repeat stay apart.
 */
import { useId, useMemo, useState } from 'react';
import { sceneHandle } from '../store/scene-handle';
import { selectAsset, useUi } from '../store/ui-store';
import { kindLabel } from './format';

const optionText = (a: { name: string; kind: string; id: string }) => `${a.name} — ${kindLabel(a.kind)} (${a.id})`;

export function AssetSearch() {
  const world = useUi((s) => s.world);
  const index = useUi((s) => s.index);
  const listId = useId();
  const [text, setText] = useState('');
  const byText = useMemo(() => new Map((world?.assets ?? []).map((a) => [optionText(a), a.id])), [world]);
  if (!world) return null;

  const open = (value: string) => {
    const id = byText.get(value) ?? world.assets.find((a) => a.id === value.trim() || a.name.toLowerCase() === value.trim().toLowerCase())?.id;
    if (!id) return false;
    selectAsset(id);
    const i = index?.assetIndex.get(id);
    if (i !== undefined) sceneHandle.current?.focusAsset(i);
    setText('');
    return true;
  };

  return (
    <form
      className="panel asset-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        open(text);
      }}
    >
      <label htmlFor={`${listId}-input`} className="search-label">
        Find an asset
      </label>
      <div className="search-row">
        <input
          id={`${listId}-input`}
          type="search"
          list={listId}
          value={text}
          placeholder="e.g. General Hospital"
          aria-label="Find an asset by name or id"
          onChange={(e) => {
            setText(e.target.value);
            // Picking a suggestion from the list opens it straight away.
            if (byText.has(e.target.value)) open(e.target.value);
          }}
        />
        <button type="submit" className="btn" aria-label="Open the asset in the inspector">
          Open
        </button>
      </div>
      <datalist id={listId}>
        {world.assets.map((a) => (
          <option key={a.id} value={optionText(a)} />
        ))}
      </datalist>
    </form>
  );
}
