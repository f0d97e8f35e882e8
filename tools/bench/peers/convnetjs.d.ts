// The part of ConvNetJS 0.3.0 (which ships no types) that the benchmark uses.

declare module 'convnetjs' {
  // CommonJS without named exports: Node hands the whole library over as `default`.
  namespace convnetjs {
    class Vol {
      constructor(sx: number, sy: number, depth: number, fill?: number);
      w: Float64Array;
      dw: Float64Array;
    }
    interface LayerDefinition {
      type: string;
      [option: string]: unknown;
    }
    interface ParamsAndGrads {
      params: Float64Array;
      grads: Float64Array;
    }
    interface Layer {
      filters?: Vol[];
      biases?: Vol;
      out_act: Vol;
      backward(): void;
    }
    class Net {
      makeLayers(definitions: LayerDefinition[]): void;
      forward(input: Vol, isTraining?: boolean): Vol;
      /** Back-propagates from the last layer (a loss layer reads `y`; any other reads its `out_act.dw`). */
      backward(y?: unknown): number;
      getParamsAndGrads(): ParamsAndGrads[];
      layers: Layer[];
    }
    interface TrainerOptions {
      method?: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad' | 'nesterov' | 'adam';
      learning_rate?: number;
      momentum?: number;
      batch_size?: number;
      l1_decay?: number;
      l2_decay?: number;
      eps?: number;
    }
    class Trainer {
      constructor(net: Net, options?: TrainerOptions);
      /** A class index (softmax) or an array of targets (regression). */
      train(input: Vol, y: number | number[]): { cost_loss: number; loss: number };
      eps: number;
    }
  }
  export default convnetjs;
}
