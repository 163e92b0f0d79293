import type * as Prom from 'prom-client';
import CounterClass from 'prom-client/lib/counter.js';
import GaugeClass from 'prom-client/lib/gauge.js';
import HistogramClass from 'prom-client/lib/histogram.js';
import RegistryClass from 'prom-client/lib/registry.js';

// The four classes Pandu uses, from their own files: the package's index also loads the summary
// (t-digest), the push gateway, the default process metrics and the OpenTelemetry API behind them,
// about 60 modules that took 1.3 MB of heap and tens of milliseconds of every start.
export const Counter = CounterClass;
export type Counter<T extends string = string> = Prom.Counter<T>;
export const Gauge = GaugeClass;
export type Gauge<T extends string = string> = Prom.Gauge<T>;
export const Histogram = HistogramClass;
export type Histogram<T extends string = string> = Prom.Histogram<T>;
export const Registry = RegistryClass;
export type Registry = Prom.Registry;
