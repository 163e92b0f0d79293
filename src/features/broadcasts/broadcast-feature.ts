import type { CommandSpec } from '../../core/commands.js';
import { isCancelWord } from '../../core/cancel-words.js';
import type { Context } from '../../core/context.js';
import type { Feature } from '../../core/feature.js';
import type { IncomingFile, Reply } from '../../core/messages.js';
import type { BroadcastFeatureDeps } from './broadcast-deps.js';
import { ComposeFlow } from './compose-flow.js';
import { BROADCAST_FEATURE, loadDraft } from './draft-state.js';
import { StatusView } from './status-view.js';

const STATUS_ACTIONS = new Set(['show', 'pause', 'resume', 'cancel', 'cancelok', 'resend', 'resendok', 'xlsx']);
/** A draft may rest for days while the coordinator waits for the final wording of an invitation. */
const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Announcements from coordinators (within their scope) and admins (everywhere) to innovators, one by one on
 * the channel each uses: /umumkan writes and sends (or schedules) one, /umumkan_status follows them up.
 * The sending itself belongs to the BroadcastService; this feature only talks with the sender.
 */
export class BroadcastFeature implements Feature {
  readonly name = BROADCAST_FEATURE;
  readonly role = 'coordinator' as const;
  readonly flowTtlMs = DRAFT_TTL_MS;
  readonly summary: string;
  readonly commands: CommandSpec[];
  private readonly compose: ComposeFlow;
  private readonly status: StatusView;

  constructor(deps: BroadcastFeatureDeps) {
    this.compose = new ComposeFlow(deps);
    this.status = new StatusView(deps);
    this.summary = deps.t('broadcast.summary');
    this.commands = [
      {
        name: 'umumkan',
        description: deps.t('broadcast.command'),
        usage: deps.t('broadcast.usage'),
        privateOnly: true,
        run: (ctx, args) => this.compose.start(ctx, args),
      },
      {
        name: 'umumkan_status',
        description: deps.t('broadcast.status_command'),
        privateOnly: true,
        run: (ctx) => this.status.list(ctx),
      },
    ];
  }

  async onChoice(ctx: Context, payload: string): Promise<Reply[]> {
    const sep = payload.indexOf(':');
    const action = sep < 0 ? payload : payload.slice(0, sep);
    const arg = sep < 0 ? '' : payload.slice(sep + 1);
    if (STATUS_ACTIONS.has(action)) return this.status.onChoice(ctx, action, arg);
    if (action === 'stop') return this.compose.stop(ctx);
    const draft = loadDraft(ctx);
    if (!draft) return [{ text: ctx.t('common.choice_expired') }];
    return this.compose.onChoice(ctx, draft, action, arg);
  }

  async onText(ctx: Context, text: string): Promise<Reply[]> {
    if (isCancelWord(text)) return this.compose.stop(ctx);
    const draft = loadDraft(ctx);
    if (!draft) return this.compose.stop(ctx);
    return this.compose.onText(ctx, draft, text);
  }

  async onFile(ctx: Context, file: IncomingFile): Promise<Reply[]> {
    const draft = loadDraft(ctx);
    if (!draft) return [{ text: ctx.t('common.file_not_expected') }];
    return this.compose.onFile(ctx, draft, file);
  }
}
