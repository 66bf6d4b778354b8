import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../graphql/relay/global-id';
import type { XapiPullSourceEntity } from './pull-source.entity';

@InputType('XapiPullFiltersInput', { description: 'GET /statements filters the pull narrows by, as the xAPI spec defines them.' })
export class XapiPullFiltersInput {
  @Field(() => String, { nullable: true, description: 'A verb IRI.' })
  verb?: string | null;

  @Field(() => String, { nullable: true, description: 'An activity IRI.' })
  activity?: string | null;

  @Field(() => String, { nullable: true, description: 'An Agent as JSON.' })
  agent?: string | null;

  @Field(() => String, { nullable: true })
  registration?: string | null;
}

@InputType('XapiPullScheduleInput')
export class XapiPullScheduleInput {
  @Field(() => String, { description: 'Five-field cron, e.g. "0 * * * *" for hourly.' })
  cron!: string;

  @Field(() => String, { nullable: true, description: 'IANA zone the cron is read in (default UTC).' })
  timeZone?: string | null;
}

@InputType('CreateXapiPullSourceInput')
export class CreateXapiPullSourceInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The remote LRS’s base, e.g. https://lrs.example.org/xapi (we append /statements).' })
  endpoint!: string;

  @Field(() => String)
  username!: string;

  @Field(() => String, { description: 'Stored encrypted with SECRETS_KEY; never shown again.' })
  password!: string;

  @Field(() => String, { nullable: true, description: '1.0.3 (default) or 2.0.0.' })
  version?: string | null;

  @Field(() => XapiPullFiltersInput, { nullable: true })
  filters?: XapiPullFiltersInput | null;

  @Field(() => XapiPullScheduleInput, { nullable: true, description: 'Without one it pulls only when asked (pullXapiSource).' })
  schedule?: XapiPullScheduleInput | null;

  @Field(() => Date, { nullable: true, description: 'Pull statements stored after this (e.g. yesterday); default all.' })
  since?: Date | null;
}

@ObjectType('XapiPullSource', { description: 'Another LRS whose statements we pull on a schedule into ours (and so into learner histories).' })
export class XapiPullSource {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  endpoint!: string;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  version!: string;

  @Field(() => String, { nullable: true })
  verb!: string | null;

  @Field(() => String, { nullable: true })
  activity!: string | null;

  @Field(() => String, { nullable: true })
  scheduleCron!: string | null;

  @Field(() => String)
  timeZone!: string;

  @Field(() => Date, { nullable: true, description: 'The next pull asks for statements stored after this (the remote’s consistent-through of the last complete pull).' })
  watermark!: Date | null;

  @Field(() => Date, { nullable: true })
  lastPulledAt!: Date | null;
}

export function toXapiPullSource(e: XapiPullSourceEntity): XapiPullSource {
  return Object.assign(new XapiPullSource(), {
    id: toGlobalId('XapiPullSource', e.id),
    name: e.name,
    endpoint: e.endpoint,
    username: e.username,
    version: e.version,
    verb: e.filters['verb'] ?? null,
    activity: e.filters['activity'] ?? null,
    scheduleCron: e.scheduleCron,
    timeZone: e.timeZone,
    watermark: e.watermark,
    lastPulledAt: e.lastPulledAt,
  });
}
