// The part of ConvNetJS 0.3.0 (which ships no types) that the benchmark uses.

declare module 'convnetjs' {
  // CommonJS without named exports: Node hands the whole library over as `default`.
  namespace convnetjs {
    class Vol {
      constructor(sx: number, sy: number, depth: number, fill?: number);
      w: Float64Array;
    }
    interface LayerDefinition {
      type: string;
      [option: string]: unknown;
    }
    class Net {
      makeLayers(definitions: LayerDefinition[]): void;
      forward(input: Vol, isTraining?: boolean): Vol;
      layers: { filters?: Vol[]; biases?: Vol }[];
    }
    interface TrainerOptions {
      method?: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad' | 'nesterov' | 'adam';
      learning_rate?: number;
      momentum?: number;
      batch_size?: number;
      l1_decay?: number;
      l2_decay?: number;
    }
    class Trainer {
      constructor(net: Net, options?: TrainerOptions);
      train(input: Vol, label: number): { cost_loss: number; loss: number };
    }
  }
  export default convnetjs;
}
