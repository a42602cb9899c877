import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Controller, useForm } from 'react-hook-form';
import { afterEach, expect, it, vi } from 'vitest';
import { VoicePicker } from '../../src/components/index.js';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';

afterEach(cleanup);

it('VoicePicker works as a react-hook-form Controller field', async () => {
  const onSubmit = vi.fn();
  function SettingsForm() {
    // react-hook-form's field-path types recurse into the model's JSON types without end (TS2589),
    // so the form is typed loosely and the one field is typed where it is read.
    const { control, handleSubmit, formState } = useForm({
      defaultValues: { session: new RealtimeSessionCreateRequest({ model: 'gpt-realtime' }) as unknown },
    });
    return (
      <form onSubmit={handleSubmit((values) => onSubmit((values.session as RealtimeSessionCreateRequest).toJson()))}>
        <Controller
          name="session"
          control={control}
          render={({ field }) => (
            <VoicePicker value={field.value as RealtimeSessionCreateRequest} onValueChange={field.onChange} />
          )}
        />
        <p>{formState.isDirty ? 'unsaved' : 'saved'}</p>
        <button type="submit">Save</button>
      </form>
    );
  }
  render(<SettingsForm />);
  expect(screen.getByText('saved')).toBeInTheDocument();
  const voices = screen.getByRole('group', { name: /Voice/ });
  await userEvent.click(within(voices).getByRole('radio', { name: /^Marin/ }));
  expect(within(voices).getByRole('radio', { name: /^Marin/ })).toBeChecked();
  expect(screen.getByText('unsaved')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(onSubmit).toHaveBeenCalledWith({ model: 'gpt-realtime', audio: { output: { voice: 'marin' } } });
});
