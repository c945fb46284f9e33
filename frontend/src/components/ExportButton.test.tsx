import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportButton } from './ExportButton';

describe('ExportButton', () => {
  it('shows how many candidates are shortlisted and offers CSV and Excel', async () => {
    const user = userEvent.setup();
    render(<ExportButton jobId={3} count={7} />);
    const button = screen.getByRole('button', { name: /export shortlisted \(7\)/i });
    expect(button).toBeEnabled();
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Export format' });
    expect(menu).toBeInTheDocument();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'CSV .csv',
      'Excel .xlsx',
    ]);
    expect(screen.getByRole('menuitem', { name: /CSV/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: /Excel/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: /CSV/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('is disabled when nobody is shortlisted', async () => {
    const user = userEvent.setup();
    render(<ExportButton jobId={3} count={0} />);
    const button = screen.getByRole('button', { name: /export shortlisted \(0\)/i });
    expect(button).toBeDisabled();
    await user.click(button);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
